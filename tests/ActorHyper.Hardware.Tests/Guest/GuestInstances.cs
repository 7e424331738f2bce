using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Hardware.Tests.Guest;

/// <summary>Machine-dependent info of real instances, built the way the hypervisor builds them.</summary>
internal static class GuestInstances
{
    /// <summary>Instance 6 with <paramref name="clusters"/> clusters of <paramref name="spec"/> (default Tsar4x4: 4 cores each).</summary>
    public static MachineDependentInfo Instance6(int clusters = 2, MachineSpec? spec = null)
    {
        spec ??= MachineSpec.Tsar4x4;
        var pools = new ResourcePools(spec);
        var allocation = pools.TryAllocate(6, clusters).Allocation!;
        return MachineDependentInfo.From(ArchInfoBuilder.Build(spec, allocation));
    }
}
