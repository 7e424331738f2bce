using ActorHyper.Hardware.Guest;

namespace ActorHyper.Hardware.Tests.Guest;

public class BootOrderCheckerTests
{
    private const int BootCore = 0;

    private static readonly SrvstartPlan Plan = SrvstartPlan.For(GuestInstances.Instance6(), dtlb: true);

    private static ServerStart Entry(string name) => Plan.Starts.Single(start => start.Describe() == name);

    /// <summary>Walks the plan as the boot core would (id, then start), stopping before <paramref name="stopBefore"/>.</summary>
    private static (BootOrderChecker Checker, ServerIdAllocator Ids) Boot(bool dtlb, string? stopBefore = null)
    {
        var checker = new BootOrderChecker(dtlb);
        var ids = new ServerIdAllocator(OffId.ForNode(6));
        foreach (var entry in SrvstartPlan.For(GuestInstances.Instance6(), dtlb).Starts.TakeWhile(start => start.Describe() != stopBefore))
        {
            OffId? id = null;
            if (entry.TakesServerId)
            {
                id = ids.GetServerId();
                Assert.Null(checker.ServerIdTaken(id.Value, BootCore, isBootCore: true));
            }
            Assert.Null(checker.ServerStarted(entry, id, BootCore));
        }
        return (checker, ids);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_whole_plan_then_every_processor_taking_its_idle_shuttle_breaks_no_rule(bool dtlb)
    {
        var (checker, _) = Boot(dtlb);
        Assert.Null(checker.SrvstartFinished(SrvstartPlan.For(GuestInstances.Instance6(), dtlb)));
        for (var processor = 0; processor < 8; processor++)
        {
            Assert.Null(checker.IdleShuttleTaken(processor));
        }
        Assert.Null(checker.ShuttleCreated(3));
        Assert.Empty(checker.Violations);
        Assert.Equal(dtlb ? 25 : 24, checker.Started.Count);
        Assert.True(checker.ShuttleServerStarted);
        Assert.True(checker.ShuttleExists);
    }

    [Fact]
    public void A_phase_going_backwards_is_a_violation_naming_both_servers()
    {
        var checker = new BootOrderChecker(dtlb: true);
        checker.ServerStarted(Entry("memory bank 0"), new OffId(6, 1, 1), BootCore);
        checker.ServerStarted(Entry("portal server"), new OffId(6, 2, 2), BootCore);

        var violation = checker.ServerStarted(Entry("KVM"), null, BootCore);

        Assert.Equal("KVM started after the portal server (phase Kvm after Portal)", violation);
        Assert.Equal(new[] { violation! }, checker.Violations);
    }

    [Fact]
    public void A_non_boot_processor_before_the_abstract_servers_makes_them_go_backwards()
    {
        var (checker, _) = Boot(dtlb: false, stopBefore: "processor 0");
        checker.ServerStarted(Entry("processor 1"), new OffId(6, 14, 14), BootCore);
        Assert.Equal(
            "processor 0 started after processor 1 (phase HardwareServers after NonBootProcessors)",
            checker.ServerStarted(Entry("processor 0"), new OffId(6, 15, 15), BootCore));
    }

    [Fact]
    public void A_server_started_twice_is_a_violation()
    {
        var checker = new BootOrderChecker(dtlb: true);
        checker.ServerStarted(Entry("memory bank 0"), new OffId(6, 1, 1), BootCore);
        Assert.Equal("memory bank 0 started twice", checker.ServerStarted(Entry("memory bank 0"), new OffId(6, 2, 2), BootCore));
    }

    [Fact]
    public void An_id_issued_twice_is_a_violation()
    {
        var checker = new BootOrderChecker(dtlb: true);
        Assert.Null(checker.ServerIdTaken(new OffId(6, 1, 1), BootCore, true));
        Assert.Equal("server id n6.1/1 issued twice", checker.ServerIdTaken(new OffId(6, 1, 1), BootCore, true));
    }

    [Fact]
    public void Two_servers_started_with_the_same_id_is_a_violation()
    {
        var checker = new BootOrderChecker(dtlb: true);
        checker.ServerStarted(Entry("memory bank 0"), new OffId(6, 1, 1), BootCore);
        Assert.Equal(
            "memory bank 1 started with server id n6.1/1, already given to memory bank 0",
            checker.ServerStarted(Entry("memory bank 1"), new OffId(6, 1, 1), BootCore));
    }

    [Fact]
    public void An_id_whose_slot_is_not_its_seq_is_a_violation()
    {
        var checker = new BootOrderChecker(dtlb: true);
        Assert.Equal("server id n6.2/3 has slot 3, not its seq 2", checker.ServerIdTaken(new OffId(6, 2, 3), BootCore, true));
    }

    [Fact]
    public void A_server_id_taken_off_the_boot_core_is_a_violation()
    {
        var checker = new BootOrderChecker(dtlb: true);
        Assert.Equal(
            "get_server_id called on core 2, not the boot core (gave n6.1/1)",
            checker.ServerIdTaken(new OffId(6, 1, 1), 2, isBootCore: false));
    }

    [Fact]
    public void A_server_id_taken_once_a_shuttle_exists_is_a_violation()
    {
        var (checker, ids) = Boot(dtlb: false, stopBefore: "processor 2");
        Assert.Null(checker.IdleShuttleTaken(1));
        Assert.Equal(
            "get_server_id called on core 0 after a shuttle exists (gave n6.16/16)",
            checker.ServerIdTaken(ids.GetServerId(), BootCore, isBootCore: true));
    }

    [Fact]
    public void Several_broken_rules_are_reported_on_one_line()
    {
        var checker = new BootOrderChecker(dtlb: true);
        Assert.Equal(
            "get_server_id called on core 1, not the boot core (gave n6.1/2); server id n6.1/2 has slot 2, not its seq 1",
            checker.ServerIdTaken(new OffId(6, 1, 2), 1, isBootCore: false));
        Assert.Single(checker.Violations);
    }

    [Fact]
    public void The_DMM_never_starts_with_DTLB_off()
    {
        var (checker, ids) = Boot(dtlb: false, stopBefore: "processor 1");
        Assert.Equal("DMM started with DTLB off", checker.ServerStarted(ServerStart.Dmm, ids.GetServerId(), BootCore));
        var (withDtlb, _) = Boot(dtlb: true, stopBefore: "processor 1");
        Assert.Empty(withDtlb.Violations);
    }

    [Fact]
    public void A_server_must_take_an_id_exactly_when_the_seed_gives_it_one()
    {
        var checker = new BootOrderChecker(dtlb: true);
        Assert.Equal("memory bank 0 started without a server id", checker.ServerStarted(Entry("memory bank 0"), null, BootCore));
        Assert.Equal("KVM started with server id n6.3/3, but it takes none", checker.ServerStarted(ServerStart.Kvm, new OffId(6, 3, 3), BootCore));
    }

    [Fact]
    public void An_idle_shuttle_taken_before_the_shuttle_server_started_is_a_violation()
    {
        var (checker, _) = Boot(dtlb: false, stopBefore: "shuttle server");
        Assert.Equal("processor 0 took its idle shuttle before the shuttle server started", checker.IdleShuttleTaken(0));
    }

    [Fact]
    public void An_idle_shuttle_taken_by_a_processor_not_yet_started_is_a_violation()
    {
        var (checker, _) = Boot(dtlb: false, stopBefore: "processor 3");
        Assert.Null(checker.IdleShuttleTaken(2));
        Assert.Equal("processor 3 took its idle shuttle before it was started", checker.IdleShuttleTaken(3));
    }

    [Fact]
    public void A_shuttle_created_before_the_shuttle_server_started_is_a_violation()
    {
        var (checker, _) = Boot(dtlb: true, stopBefore: "shuttle server");
        Assert.Equal("a shuttle was created on core 0 before the shuttle server started", checker.ShuttleCreated(0));
        Assert.True(checker.ShuttleExists);
    }

    [Fact]
    public void Srvstart_finishing_with_servers_not_started_is_a_violation()
    {
        var (checker, _) = Boot(dtlb: true, stopBefore: "processor 6");
        Assert.Equal(
            "srvstart finished without starting processor 6, processor 7",
            checker.SrvstartFinished(Plan));
    }
}
