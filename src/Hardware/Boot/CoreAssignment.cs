using ActorHyper.Hardware.Memory;

namespace ActorHyper.Hardware.Boot;

/// <summary>
/// The hypervisor's note, in its own data region, that a core now belongs to an instance (see
/// <see cref="BootLayout.CoreAssignmentOf"/>). A woken hypervisor core that finds its note enters
/// the instance through the HAT activation code; one without a note continues at its mailbox value.
/// </summary>
public sealed record CoreAssignment(int InstanceId) : IMemoryData
{
    public string DataName => "core assignment";

    public override string ToString() => $"assigned to instance {InstanceId}";
}
