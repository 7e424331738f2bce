using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: the arch-info, the boot loader and the HAT activation code are in place before any
/// core fetches them, the HAT code at the same offset in the hypervisor cluster and in the
/// instance's cluster 0. Checked when a core of a live instance enters the hypervisor cluster's copy
/// of the HAT code (the first fetch of the instance's boot): the instance's memory must then hold the
/// other copy at that offset, the arch-info and the boot loader, where the instance defines them.
/// Any fetch expecting the HAT code or the boot loader that finds something else is a violation too.
/// Not checked at every delivery: what memory holds is known only from its events, and the rule
/// speaks of the moment a core fetches, which is where it is checked.
/// </summary>
public sealed class CodeInPlaceMonitor : RunMonitor, IStateDigest
{
    private readonly InstanceBook instances = new();

    /// <summary>What memory holds, as its events tell it; <see cref="PooledClusterMonitor"/> may read it too.</summary>
    internal MemoryImage Memory { get; } = new();

    public override string Name => "code-in-place";

    public ulong StateDigest() => StableHash.Add(Memory.Digest(), instances.Digest());

    public override void OnRunStart()
    {
        Memory.Clear();
        instances.Clear();
    }

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(CodeFetched)], MemoryImage.Events, InstanceBook.Events);

    public override void OnEvent(object published)
    {
        if (published is CodeFetched fetched)
        {
            Check(fetched);
        }
        Memory.Observe(published);
        instances.Observe(published);
    }

    private void Check(CodeFetched fetched)
    {
        if (fetched.Result.Expected is not (CodeIdentity.HatActivation or CodeIdentity.BootLoader) ||
            instances.Holding(fetched.Core) is not { } instance)
        {
            return;
        }
        var expected = fetched.Result.Expected.Value;
        if (!fetched.Result.IsOk)
        {
            Fail($"core {fetched.Core} of instance {instance.InstanceId} fetched the {expected.Describe()} at {fetched.Issued} ({fetched.Machine}) " +
                 $"before it was in place: {fetched.Result.Reason}");
        }
        if (expected == CodeIdentity.HatActivation && fetched.Issued.Space == AddressSpace.Machine)
        {
            var copy = new MachineAddress(instance.BootCluster, fetched.Machine.Offset);
            Expect(instance, fetched, copy, region => region is { Content: CodeBlock { Identity: CodeIdentity.HatActivation }, ContentOffset: 0 } r && r.Offset == copy.Offset,
                () => $"the HAT activation code the core runs from {fetched.Machine} has no copy at the same offset in the instance's cluster 0 ({copy})");
            var arch = instance.MachineAddressOf(BootLayout.ArchInfo);
            Expect(instance, fetched, arch, region => region is { Content: DataRecord { Data: ArchInfo } },
                () => $"the arch-info is not at {arch}");
            var loader = instance.MachineAddressOf(BootLayout.BootLoader);
            Expect(instance, fetched, loader, region => region is { Content: CodeBlock { Identity: CodeIdentity.BootLoader }, ContentOffset: 0 } r && r.Offset == loader.Offset,
                () => $"the boot loader is not at {loader}");
        }
    }

    /// <param name="problem">Worded only when the check fails: every HAT activation fetch of every boot is checked.</param>
    private void Expect(Allocation instance, CodeFetched fetched, MachineAddress at, Func<MemoryRegion?, bool> holds, Func<string> problem)
    {
        var region = Memory.At(at);
        if (!holds(region))
        {
            Fail($"core {fetched.Core} of instance {instance.InstanceId} entered the HAT activation code, but {problem()} " +
                 $"({(region is { } found ? found.ToString() : "empty memory")} there)");
        }
    }
}
