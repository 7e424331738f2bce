using ActorHyper.Actors.Hypervisor;

namespace ActorHyper.Host.Soak;

/// <summary>What a soak's command does to its instance.</summary>
public enum SoakOperationKind
{
    /// <summary><c>run -nc N -i I</c>: answered once the instance is Booting.</summary>
    Run,

    /// <summary><c>wait -i I</c> after a granted <c>run</c>: answered once it is Running or Failed.</summary>
    Wait,

    /// <summary><c>kill -i I</c>.</summary>
    Kill,
}

/// <summary>
/// One command the soak typed: what, for which instance, when it was typed and answered (seconds
/// since the soak began). A finished operation is history, from which a finding's scenario is cut.
/// </summary>
public sealed class SoakOperation(SoakOperationKind kind, SoakInstance target, string command, double startedAt, Task<ShellReply> reply)
{
    public SoakOperationKind Kind { get; } = kind;

    /// <summary>The launch it concerns: an instance number is used again once killed, so replies are matched to the launch, not the number.</summary>
    public SoakInstance Target { get; } = target;

    public int Instance => Target.Id;

    public string Command { get; } = command;

    public double StartedAt { get; } = startedAt;

    public Task<ShellReply> Reply { get; } = reply;

    /// <summary>When the reply came; null while in flight.</summary>
    public double? EndedAt { get; set; }

    /// <summary>When the launch this operation belongs to began (its <c>run</c>); for latency.</summary>
    public double LaunchStartedAt { get; init; }

    public bool Overlaps(double from, double to) => StartedAt <= to && (EndedAt ?? double.MaxValue) >= from;

    public override string ToString() => EndedAt is { } end
        ? $"{Command} (typed at {StartedAt:0.000} s, answered at {end:0.000} s)"
        : $"{Command} (typed at {StartedAt:0.000} s, not answered)";
}
