using ActorHyper.Actors.Events;
using ActorHyper.Actors.Guest;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Guest;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>The Off++ guest boots as seed 003 says: servers in order with their ids, its boot on the TTY, Running through the mailbox.</summary>
public sealed class GuestBootTests
{
    /// <summary>The plan the guest of <paramref name="info"/> must have walked, computed from the allocation alone.</summary>
    private static SrvstartPlan PlanOf(TestHypervisor hv, InstanceInfo info, bool dtlb) =>
        SrvstartPlan.For(MachineDependentInfo.From(ArchInfoBuilder.Build(hv.Spec, AllocationOf(info))), dtlb);

    private static Allocation AllocationOf(InstanceInfo info) => new(info.Id, info.Clusters, info.Ioc, info.Tty, info.Fb);

    [Fact]
    public async Task The_servers_start_in_the_seeds_order_with_ids_from_the_node_and_portal_slots_equal_to_their_seq()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var guest = hv.Events<HardwareEvent>();
        hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        var info = Assert.Single(hv.Ok<InstanceTable>("wait -i 6").Instances);
        Assert.Equal(InstanceState.Running, info.State);
        var events = hv.Received(guest).OfType<HardwareEvent>().ToList();

        var plan = PlanOf(hv, info, dtlb: true);
        var started = events.OfType<GuestServerStarted>().Where(e => e.InstanceId == 6).ToList();
        Assert.Equal(plan.Starts, started.Select(e => e.Entry));
        Assert.Contains(started, e => e.Kind == ServerKind.Dmm);
        Assert.All(started, e => Assert.Equal(0, e.Processor));

        // Ids: node 6, seq 1, 2, ... in start order, slot = seq, only for the servers that take one.
        var ids = started.Where(e => e.Id is not null).Select(e => e.Id!.Value).ToList();
        Assert.Equal(plan.ServerIdCount, ids.Count);
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(seq => new OffId(6, seq, seq)), ids);
        Assert.All(started, e => Assert.Equal(e.Entry.TakesServerId, e.Id is not null));
        var taken = events.OfType<ServerIdTaken>().Where(e => e.InstanceId == 6).ToList();
        Assert.Equal(ids, taken.Select(e => e.Id));
        Assert.All(taken, e => Assert.True(e.IsBootCore));

        // get_server_id is done before any shuttle exists; every processor then took its idle shuttle.
        var lastId = events.FindLastIndex(e => e is ServerIdTaken);
        var firstShuttle = events.FindIndex(e => e is IdleShuttleTaken);
        Assert.True(lastId < firstShuttle, $"an id (event {lastId}) was taken after a shuttle existed (event {firstShuttle})");
        Assert.Equal(Enumerable.Range(0, info.Cores), events.OfType<IdleShuttleTaken>().Select(e => e.Processor).Order());

        // Every server with an id got the portal slot equal to its seq.
        var portals = events.OfType<GuestPortalCreated>().Where(e => e.InstanceId == 6).ToList();
        Assert.Equal(ids.OrderBy(id => id.Seq), portals.Select(e => e.Id).OrderBy(id => id.Seq));
        Assert.All(portals, e => Assert.Equal(e.Id.Seq, e.Slot));

        Assert.Single(events.OfType<GuestRunning>(), e => e.InstanceId == 6);
        Assert.Empty(events.OfType<GuestRuleViolated>());
    }

    [Fact]
    public async Task With_DTLB_off_no_DMM_starts()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, guest: new GuestOptions { Dtlb = false });
        var guest = hv.Events<HardwareEvent>();
        hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        var info = Assert.Single(hv.Ok<InstanceTable>("wait -i 6").Instances);
        Assert.Equal(InstanceState.Running, info.State);
        var events = hv.Received(guest);

        var started = events.OfType<GuestServerStarted>().ToList();
        Assert.Equal(PlanOf(hv, info, dtlb: false).Starts, started.Select(e => e.Entry));
        Assert.DoesNotContain(started, e => e.Kind == ServerKind.Dmm);
        Assert.Contains(started, e => e.Kind == ServerKind.Shuttle);
        Assert.DoesNotContain(hv.Ok<TtyLines>("tty -i 6").Lines, line => line.Contains("DMM", StringComparison.Ordinal));
        Assert.Empty(events.OfType<GuestRuleViolated>());
    }

    [Fact]
    public async Task The_guest_prints_one_line_per_server_in_order_then_the_banner()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        Assert.Equal(InstanceState.Running, Assert.Single(hv.Ok<InstanceTable>("wait -i 6").Instances).State);

        var tty = hv.Ok<TtyLines>("tty -i 6");

        var arch = ArchInfoBuilder.Build(hv.Spec, AllocationOf(info));
        var ids = new ServerIdAllocator(OffId.ForNode(6));
        var expected = PlanOf(hv, info, dtlb: true).Starts
            .Select(entry => OffKernelProgram.Line(entry, entry.TakesServerId ? ids.GetServerId() : null))
            .Append(OffKernelProgram.Banner(arch))
            .ToList();
        Assert.Equal(expected, tty.Lines);
        Assert.Equal((6, 0), (tty.InstanceId, tty.SubChannel));
        Assert.Equal("off: memory bank 0 started, id n6.1/1", tty.Lines[0]);
        Assert.Equal($"off: node 6 up: 8 cores, 2 clusters, {2 * hv.Spec.RamPerCluster / (1024 * 1024)} MiB", tty.Lines[^1]);
    }

    [Fact]
    public async Task A_kill_of_a_running_guest_stops_its_node_and_servers()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        hv.Ok<InstanceTable>("wait -i 6");
        var k0 = info.Clusters[0];
        var directory = hv.Ask<MemoryContents>(hv.Directory.Memory(k0), new ReadMemory(1, BootLayout.NodeDirectoryOffset, BootLayout.NodeDirectorySize));
        var node = Assert.IsType<NodeDirectory>(Assert.IsType<DataRecord>(Assert.Single(directory.Pieces).Content).Data).Node;
        hv.Probe.Watch(node);

        hv.Ok<InstanceStopped>("kill -i 6");

        hv.Probe.ExpectTerminatedOf(node);
    }
}
