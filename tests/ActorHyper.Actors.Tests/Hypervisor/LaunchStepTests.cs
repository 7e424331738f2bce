using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Translation;
using Akka.Actor;
using Akka.TestKit;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>The launch of seed 000, step by step: the order of the steps and what each leaves in the machine.</summary>
public sealed class LaunchStepTests
{
    private static readonly InstanceStep[] LaunchOrder =
    [
        InstanceStep.Allocate, InstanceStep.BuildArchInfo, InstanceStep.CopyArchInfo, InstanceStep.CopyKernelDescriptor,
        InstanceStep.CopyBootLoader, InstanceStep.CopyHatCode, InstanceStep.ConfigureHats, InstanceStep.ActivateDmaHats,
        InstanceStep.RouteInterrupts, InstanceStep.AssignCores, InstanceStep.HandOff, InstanceStep.Boot,
    ];

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task The_steps_and_the_states_come_in_the_seeds_order(ExecutionMode mode)
    {
        await using var hv = TestHypervisor.Started(mode);
        var steps = hv.Events<InstanceStepCompleted>();
        var states = hv.Events<InstanceStateChanged>();

        var launched = hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        Assert.Equal(InstanceState.Booting, launched.Instance.State);
        hv.Ok<InstanceTable>("wait -i 6");

        Assert.Equal(LaunchOrder, LaunchOrder.Select(_ => steps.Expect<InstanceStepCompleted>().Step));
        Assert.Equal(
            [InstanceState.Allocating, InstanceState.Loading, InstanceState.Starting, InstanceState.Booting, InstanceState.Running],
            Enumerable.Range(0, 5).Select(_ => states.Expect<InstanceStateChanged>(e => e.InstanceId == 6).State));
    }

    [Fact]
    public async Task Every_copy_lands_where_the_instance_defines_it_before_any_core_fetches_it()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var all = hv.Events<HardwareEvent>();
        var allocation = hv.LaunchAndWait("run -nc 2 -i 6");
        var k0 = allocation.BootCluster;

        // Contents, read back from the memories.
        Assert.Equal(new DataRecord(ArchInfoBuilder.Build(hv.Spec, allocation)), ContentAt(hv, k0, BootLayout.ArchInfoOffset));
        Assert.IsType<KernelImageDescriptor>(Assert.IsType<DataRecord>(ContentAt(hv, k0, BootLayout.KernelDescriptorOffset)).Data);
        Assert.Equal(new CodeBlock(CodeIdentity.BootLoader), ContentAt(hv, k0, BootLayout.BootLoaderOffset));
        Assert.Equal(new CodeBlock(CodeIdentity.HatActivation), ContentAt(hv, k0, BootLayout.HatCodeOffset));
        Assert.Equal(new CodeBlock(CodeIdentity.HatActivation), ContentAt(hv, MachineSpec.HypervisorCluster, BootLayout.HatCodeOffset));

        // Order: every write into the instance's cluster 0 and the HAT code copies come before the first fetch by an instance core.
        List<object> events = [.. hv.Received(all)];
        var firstFetch = events.FindIndex(e => e is CodeFetched fetched && allocation.Clusters.Contains(fetched.Core.Cluster));
        Assert.True(firstFetch > 0);
        var lastCopy = events.FindLastIndex(e => e is MemoryWritten or MemoryCopied && IsBootPlace(e, k0));
        Assert.True(lastCopy >= 0 && lastCopy < firstFetch, $"a boot copy (event {lastCopy}) landed after the first fetch (event {firstFetch})");
    }

    [Fact]
    public async Task HATs_are_configured_before_activation_and_the_cores_go_through_the_boot_loader_to_the_kernel_idle_in_instance_space()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var all = hv.Events<HardwareEvent>();
        var allocation = hv.LaunchAndWait("run -nc 2 -i 6");
        var configuration = HatConfiguration.For(hv.Spec, allocation);
        var cores = allocation.Clusters.SelectMany(c => Enumerable.Range(0, hv.Spec.CoresPerCluster).Select(p => new CoreId(c, p))).ToList();

        List<object> events = [.. hv.Received(all)];
        foreach (var core in cores)
        {
            var configured = events.FindIndex(e => e is HatConfigured c && c.Hat == UnitId.CoreHat(core));
            var activated = events.FindIndex(e => e is HatActivated a && a.Hat == UnitId.CoreHat(core));
            Assert.True(configured >= 0 && activated > configured, $"HAT of {core}: configured at {configured}, activated at {activated}");
            var hat = hv.Ask<HatSnapshot>(hv.Directory.CoreHat(core), GetHatState.Instance);
            Assert.Equal((HatMode.Active, configuration), (hat.Mode, hat.Configuration));
            // Each core entered the boot loader, then the kernel, in instance space, and idles there (waits).
            var entered = events.OfType<CodeFetched>().Where(e => e.Core == core && e.Result.Code is not null).Select(e => (e.Result.Code, e.Issued)).ToList();
            Assert.Equal((CodeIdentity.BootLoader, TaggedAddress.Instance(BootLayout.BootLoader)), entered[^2]);
            Assert.Equal((CodeIdentity.GuestKernel, TaggedAddress.Instance(BootLayout.KernelLoad)), entered[^1]);
            Assert.Equal(CoreStatus.Waiting, hv.Ask<CoreStatusReport>(hv.Directory.Core(core), GetCoreStatus.Instance).Status);
        }
        foreach (var cluster in allocation.Clusters)
        {
            Assert.Equal(HatMode.Active, hv.Ask<HatSnapshot>(hv.Directory.DmaHat(cluster), GetHatState.Instance).Mode);
        }

        // The hand-off goes to P0 C_0i with the HAT code's address; P0 C_0i sends the boot loader's address to every other core.
        var bootCore = new CoreId(allocation.BootCluster, 0);
        var handOff = Assert.Single(events.OfType<IpiSent>(), e => e.Writer == UnitId.Core(CoreId.MachineBootCore) && e.Mailbox.Cluster == bootCore.Cluster);
        Assert.Equal((HatActivationProgram.HandOffValue, 0), (handOff.Value, handOff.Mailbox.Slot));
        // Then the kernel wakes them again, with its own address; the last write is the Running mailbox.
        var wakeUps = events.OfType<IpiSent>().Where(e => e.Writer == UnitId.Core(bootCore)).ToList();
        Assert.Equal((2 * (cores.Count - 1)) + 1, wakeUps.Count);
        Assert.All(wakeUps.Take(cores.Count - 1), e => Assert.Equal(HatActivationProgram.BootLoaderValue, e.Value));
        Assert.All(wakeUps.Skip(cores.Count - 1).Take(cores.Count - 1), e => Assert.Equal((uint)BootLayout.KernelLoad.Raw, e.Value));
        Assert.Equal((MachineSpec.HypervisorCluster, hv.Directory.Layout.RunningSlot(6), 6u), (wakeUps[^1].Mailbox.Cluster, wakeUps[^1].Mailbox.Slot, wakeUps[^1].Value));
        Assert.DoesNotContain(events.OfType<MailboxOverwritten>(), _ => true);
    }

    [Fact]
    public async Task The_instances_interrupts_are_routed_to_its_cluster_0_and_enabled_into_its_boot_core()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        var allocation = new Hardware.Resources.Allocation(6, info.Clusters, info.Ioc, info.Tty, info.Fb);

        var routes = hv.Ask<IopicRoutes>(hv.Directory.Iopic, GetRoutes.Instance).Routes;
        Assert.Equal(IopicTable.InstanceRoutes(allocation, hv.Directory.Layout), routes);
        var xicu = hv.Ask<XicuSnapshot>(hv.Directory.Xicu(allocation.BootCluster), GetXicuState.Instance);
        Assert.All(routes, route => Assert.Contains(route.Target.Slot, xicu.EnabledByLine[0]));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_run_step_for_step()
    {
        static (ulong, long) RunOnce(ulong seed)
        {
            var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed);
            hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
            hv.Ok<InstanceLaunched>("run -nc 3 -i 2");
            hv.Ok<InstanceTable>("wait");
            hv.Ok<InstanceStopped>("kill -i 6");
            var result = (hv.Driver.TraceHash, hv.Driver.Steps);
            hv.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return result;
        }

        Assert.Equal(RunOnce(11), RunOnce(11));
        Assert.NotEqual(RunOnce(11).Item1, RunOnce(12).Item1);
        await Task.CompletedTask;
    }

    private static MemoryContent? ContentAt(TestHypervisor hv, ClusterId cluster, uint offset)
    {
        var contents = hv.Ask<MemoryContents>(hv.Directory.Memory(cluster), new ReadMemory(1, offset, 1));
        return contents.Pieces.Count == 0 ? null : contents.Pieces[0].Content;
    }

    /// <summary>A write by the hypervisor (P0 C_0) into the instance's cluster 0 or the HAT code copy; the guest's own writes (its kernel, its data) come later.</summary>
    private static bool IsBootPlace(object e, ClusterId k0) => e switch
    {
        MemoryWritten w => w.Writer == Hypervisor && (w.Address.Cluster == k0 || (w.Address.Cluster == MachineSpec.HypervisorCluster && w.Address.Offset == BootLayout.HatCodeOffset)),
        MemoryCopied c => c.Requester == Hypervisor && (c.Destination.Cluster == k0 || (c.Destination.Cluster == MachineSpec.HypervisorCluster && c.Destination.Offset == BootLayout.HatCodeOffset)),
        _ => false,
    };

    private static UnitId Hypervisor => UnitId.Core(CoreId.MachineBootCore);

    /// <summary>Every event the probe got so far, in order (controlled runs only: nothing arrives later).</summary>
}
