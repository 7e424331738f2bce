namespace ActorHyper.Actors.Hypervisor.Shell;

// The hypervisor shell's commands, parsed (see ShellParser for their syntax).

/// <summary>A parsed shell command; <see cref="Text"/> is what the user typed, trimmed.</summary>
public abstract record ShellCommand(string Text);

/// <summary><c>run -nc N -i I</c>: launch instance I on N clusters.</summary>
public sealed record RunCommand(string Text, int ClusterCount, int InstanceId) : ShellCommand(Text);

/// <summary><c>ps</c>: the instance table.</summary>
public sealed record PsCommand(string Text) : ShellCommand(Text);

/// <summary><c>kill -i I</c>: stop instance I and return everything it holds.</summary>
public sealed record KillCommand(string Text, int InstanceId) : ShellCommand(Text);

/// <summary><c>map</c>: who owns each cluster.</summary>
public sealed record MapCommand(string Text) : ShellCommand(Text);

/// <summary><c>tty -i I [-s SUB]</c>: what instance I wrote on a sub-channel of its TTY (0 by default).</summary>
public sealed record TtyCommand(string Text, int InstanceId, int SubChannel) : ShellCommand(Text);

/// <summary><c>wait [-i I] [-t TIMEOUT]</c>: until instance I (or every instance) is Running or Failed.</summary>
public sealed record WaitCommand(string Text, int? InstanceId, TimeSpan? Timeout) : ShellCommand(Text);

/// <summary><c>help</c>: the commands and their syntax.</summary>
public sealed record HelpCommand(string Text) : ShellCommand(Text);
