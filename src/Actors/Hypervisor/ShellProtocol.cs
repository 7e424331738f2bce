using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Display;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Actors.Hypervisor;

// What the shell on P0 C_0 takes and gives: a line of input in, one reply out, per command.

/// <summary>A command line typed at the hypervisor shell. Answered by exactly one <see cref="ShellReply"/>.</summary>
public sealed record ShellInput(string Text);

/// <summary>
/// The shell's answer to one line: <see cref="Answer"/> when the command succeeded, otherwise a
/// one-line <see cref="Error"/> (and, for a refused <c>run</c>, nothing was allocated).
/// </summary>
public sealed record ShellReply
{
    private ShellReply(string command, ShellAnswer? answer, string? error)
    {
        Command = command;
        Answer = answer;
        Error = error;
    }

    /// <summary>The command's text, as typed (trimmed).</summary>
    public string Command { get; }

    public ShellAnswer? Answer { get; }

    public string? Error { get; }

    public bool Succeeded => Error is null;

    public static ShellReply Done(string command, ShellAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new ShellReply(command, answer, null);
    }

    public static ShellReply Refused(string command, string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new ShellReply(command, null, error);
    }

    public override string ToString() => Error is null ? $"{Command}: {Answer}" : $"{Command}: error: {Error}";
}

/// <summary>What a successful command answers.</summary>
public abstract record ShellAnswer;

/// <summary><c>run</c>: the instance, answered once the hand-off IPI is sent (it is then Booting).</summary>
public sealed record InstanceLaunched(InstanceInfo Instance) : ShellAnswer;

/// <summary><c>kill</c>: the instance, Stopped, with everything it held back in the pools.</summary>
public sealed record InstanceStopped(InstanceInfo Instance) : ShellAnswer;

/// <summary><c>ps</c> and <c>wait</c>: the instances that hold resources, by id.</summary>
public sealed record InstanceTable(ValueList<InstanceInfo> Instances) : ShellAnswer;

/// <summary><c>map</c>: every cluster of the mesh and its owner, in cluster index order; where the I/O cluster is (when known).</summary>
public sealed record ClusterMap(int MeshX, int MeshY, ValueList<ClusterOwnership> Clusters, ClusterId? IoCluster = null) : ShellAnswer;

/// <summary><c>tty</c>: every line the instance wrote on one sub-channel of its TTY channel.</summary>
public sealed record TtyLines(int InstanceId, int Channel, int SubChannel, ValueList<string> Lines) : ShellAnswer;

/// <summary><c>help</c>: the shell's commands, one per line (or one command's page).</summary>
public sealed record HelpText(ValueList<string> Lines) : ShellAnswer;

/// <summary>A step the hypervisor finished on an instance, when (system time: virtual when controlled), and what it did.</summary>
public sealed record StepRecord(InstanceStep Step, TimeSpan At, string Detail);

/// <summary>A core of an instance and its last reported status.</summary>
public sealed record CoreReport(CoreId Core, CoreStatus Status);

/// <summary>
/// <c>info</c>: the instance, its steps with their times, each core's state, and the table its HATs
/// were loaded with (null before <see cref="InstanceStep.ConfigureHats"/>).
/// </summary>
public sealed record InstanceDetails(InstanceInfo Instance, ValueList<StepRecord> Steps, ValueList<CoreReport> Cores, string? HatTable) : ShellAnswer;

/// <summary><c>timeline</c>: the instance's steps with their times, in the order done.</summary>
public sealed record InstanceTimeline(int InstanceId, InstanceState State, ValueList<StepRecord> Steps) : ShellAnswer;

/// <summary><c>fb</c>: the fills painted on the instance's frame-buffer channel since it was blank (see <see cref="FrameGeometry"/>).</summary>
public sealed record FrameShown(int InstanceId, int Channel, int Width, int Height, ValueList<FrameFill> Fills) : ShellAnswer;

/// <summary>
/// From outside the machine (a soak's leak check, a test) to the shell's core: the hypervisor's
/// books as they stand, answered with <see cref="HypervisorAudit"/>. Not a shell command: nothing is typed.
/// </summary>
public sealed record AuditHypervisor
{
    public static AuditHypervisor Instance { get; } = new();
}

/// <summary>
/// The hypervisor's books: every pool's owners, whether free plus owned equals each pool's total
/// (<see cref="ConservationProblem"/> null) and the instances that hold resources.
/// </summary>
public sealed record HypervisorAudit(PoolSnapshot Pools, string? ConservationProblem, ValueList<InstanceInfo> Instances);
