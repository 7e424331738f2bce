using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: the boot core takes its IOC completion interrupt before it enters the kernel: the
/// kernel is in memory only once the DMA has landed, which the completion says. From each launch on,
/// the boot core's read of its IOC mailbox (pending) must come before its fetch of the guest kernel.
/// </summary>
public sealed class IocCompletionBeforeKernelMonitor(MachineSpec spec) : RunMonitor, IStateDigest
{
    private readonly XicuLayout layout = XicuLayout.For(spec);
    private readonly InstanceBook instances = new();
    private readonly HashSet<int> completed = [];

    public override string Name => "ioc-before-kernel";

    public ulong StateDigest() => StableHash.Add(instances.Digest(), StateDigests.Unordered(completed, static id => (ulong)id));

    public override void OnRunStart()
    {
        instances.Clear();
        completed.Clear();
    }

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(ResourcesAllocated), typeof(IpiTaken), typeof(CodeFetched)], InstanceBook.Events);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case ResourcesAllocated allocated:
                completed.Remove(allocated.InstanceId);
                break;
            case IpiTaken { WasPending: true } taken when taken.Reader.CoreOf is { } reader &&
                                                         instances.BootingOn(reader) is { } instance &&
                                                         taken.Mailbox == new XicuTarget(instance.BootCluster, layout.IocSlot):
                completed.Add(instance.InstanceId);
                break;
            case CodeFetched { Result.Expected: CodeIdentity.GuestKernel } fetched when instances.BootingOn(fetched.Core) is { } instance &&
                                                                                        !completed.Contains(instance.InstanceId):
                Fail($"boot core {fetched.Core} of instance {instance.InstanceId} entered the kernel at {fetched.Issued} " +
                     $"before it took its IOC completion interrupt ({new XicuTarget(instance.BootCluster, layout.IocSlot)})");
                break;
        }
        instances.Observe(published);
    }
}
