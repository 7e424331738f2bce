using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// One line of the instance table: the instance's state, what it holds (clusters in instance
/// order, IOC/TTY/FB channels), its core count, and for a Failed instance the step and the reason.
/// </summary>
public sealed record InstanceInfo(
    int Id,
    InstanceState State,
    ValueList<ClusterId> Clusters,
    int Ioc,
    int Tty,
    int Fb,
    int Cores,
    InstanceStep? FailedStep = null,
    string? FailureReason = null)
{
    public override string ToString() =>
        $"instance {Id} {State}: clusters {string.Join(" ", Clusters)}, IOC {Ioc}, TTY {Tty}, FB {Fb}, {Cores} cores"
        + (FailureReason is null ? "" : $"; failed at {FailedStep}: {FailureReason}");
}
