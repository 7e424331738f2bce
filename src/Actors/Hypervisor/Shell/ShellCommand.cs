namespace ActorHyper.Actors.Hypervisor.Shell;

// The hypervisor shell's commands, parsed (see ShellParser for their syntax).

/// <summary>A parsed shell command; <see cref="Text"/> is what the user typed, trimmed.</summary>
public abstract record ShellCommand(string Text);

/// <summary><c>run -nc N -i I</c>: launch instance I on N clusters.</summary>
public sealed record RunCommand(string Text, int ClusterCount, int InstanceId) : ShellCommand(Text);

/// <summary><c>ps</c> (or <c>list</c>): the instance table.</summary>
public sealed record PsCommand(string Text) : ShellCommand(Text);

/// <summary><c>kill -i I</c> (or <c>destroy -i I</c>): stop instance I and return everything it holds.</summary>
public sealed record KillCommand(string Text, int InstanceId) : ShellCommand(Text);

/// <summary><c>map [--png FILE]</c>: who owns each cluster (the file, a picture of it, is the console's to write).</summary>
public sealed record MapCommand(string Text, string? PngFile = null) : ShellCommand(Text);

/// <summary>
/// <c>tty -i I [-s SUB] [-f]</c> (or <c>console -i I</c>): what instance I wrote on a sub-channel of
/// its TTY (0 by default); <see cref="Follow"/> asks the console to keep showing new lines.
/// </summary>
public sealed record TtyCommand(string Text, int InstanceId, int SubChannel, bool Follow = false) : ShellCommand(Text);

/// <summary><c>wait [-i I] [-t TIMEOUT]</c>: until instance I (or every instance) is Running or Failed.</summary>
public sealed record WaitCommand(string Text, int? InstanceId, TimeSpan? Timeout) : ShellCommand(Text);

/// <summary><c>info -i I</c>: the instance's allocation, launch steps with their times, cores and HAT table.</summary>
public sealed record InfoCommand(string Text, int InstanceId) : ShellCommand(Text);

/// <summary><c>timeline -i I</c>: the instance's steps with the time each was done.</summary>
public sealed record TimelineCommand(string Text, int InstanceId) : ShellCommand(Text);

/// <summary>
/// <c>fb -i I [--png FILE]</c>: what instance I painted on its frame-buffer channel. The file is the
/// console's to write; the hypervisor answers the frame.
/// </summary>
public sealed record FbCommand(string Text, int InstanceId, string? PngFile) : ShellCommand(Text);

/// <summary><c>help [COMMAND]</c>: the commands and their syntax, or one command's.</summary>
public sealed record HelpCommand(string Text, string? Topic = null) : ShellCommand(Text);

/// <summary><c>exit</c>: leave the console. The console's own; the hypervisor's shell never ends.</summary>
public sealed record ExitCommand(string Text) : ShellCommand(Text);
