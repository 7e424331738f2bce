using ActorHyper.Hardware.Guest;

namespace ActorHyper.Hardware.Tests.Guest;

public class SrvstartPlanTests
{
    private static readonly string[] ExpectedWithDtlb =
    [
        "memory bank 0",
        "memory bank 1",
        "KVM",
        "relocation table",
        "portal server",
        "I/O bank 0 (XICU)",
        "I/O bank 1 (XICU)",
        "I/O bank 2 (IOC)",
        "I/O bank 3 (TTY)",
        "I/O bank 4 (TTY)",
        "I/O bank 5 (TTY)",
        "I/O bank 6 (TTY)",
        "I/O bank 7 (FBF)",
        "DMA 0",
        "DMA 1",
        "processor 0",
        "shuttle server",
        "DMM",
        "processor 1",
        "processor 2",
        "processor 3",
        "processor 4",
        "processor 5",
        "processor 6",
        "processor 7",
    ];

    [Fact]
    public void The_plan_of_a_2_cluster_instance_follows_the_seed_order_with_the_DMM_under_DTLB()
    {
        var plan = SrvstartPlan.For(GuestInstances.Instance6(), dtlb: true);
        Assert.Equal(ExpectedWithDtlb, plan.Starts.Select(start => start.Describe()));
        Assert.True(plan.Dtlb);
    }

    [Fact]
    public void Without_DTLB_the_DMM_is_left_out_and_nothing_else_changes()
    {
        var plan = SrvstartPlan.For(GuestInstances.Instance6(), dtlb: false);
        Assert.Equal(ExpectedWithDtlb.Where(name => name != "DMM"), plan.Starts.Select(start => start.Describe()));
        Assert.DoesNotContain(plan.Starts, start => start.Kind == ServerKind.Dmm);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Phases_never_decrease_and_every_phase_is_present(bool dtlb)
    {
        var phases = SrvstartPlan.For(GuestInstances.Instance6(), dtlb).Starts.Select(start => start.Phase).ToList();
        for (var i = 1; i < phases.Count; i++)
        {
            Assert.True(phases[i - 1] <= phases[i], $"entry {i}: {phases[i]} after {phases[i - 1]}");
        }
        Assert.Equal(Enum.GetValues<BootPhase>(), phases.Distinct());
    }

    [Fact]
    public void Set_core_uses_bank_0_and_every_entry_carries_its_machine_dependent_info()
    {
        var info = GuestInstances.Instance6();
        var plan = SrvstartPlan.For(info, dtlb: true);
        Assert.Same(info.MemoryBanks[0], plan.SetCore);

        var byName = plan.Starts.ToDictionary(start => start.Describe());
        Assert.Same(info.MemoryBanks[1], byName["memory bank 1"].MemoryBankInfo);
        Assert.Same(info.IoBanks[3], byName["I/O bank 3 (TTY)"].IoBankInfo);
        Assert.Same(info.Dmas[1], byName["DMA 1"].DmaInfo);
        Assert.Same(info.Processors[0], byName["processor 0"].ProcessorInfo);
        Assert.True(byName["processor 0"].ProcessorInfo!.IsBoot);
        Assert.Same(info.Processors[5], byName["processor 5"].Info);
        Assert.All(new[] { "KVM", "relocation table", "portal server", "shuttle server", "DMM" }, name => Assert.Null(byName[name].Info));
    }

    [Fact]
    public void Processor_0_is_a_hardware_server_and_the_others_start_last()
    {
        var plan = SrvstartPlan.For(GuestInstances.Instance6(), dtlb: false);
        var processors = plan.Starts.Where(start => start.Kind == ServerKind.Processor).ToList();
        Assert.Equal(BootPhase.HardwareServers, processors[0].Phase);
        Assert.False(processors[0].IsNonBootProcessor);
        Assert.All(processors.Skip(1), start => Assert.Equal(BootPhase.NonBootProcessors, start.Phase));
        Assert.All(processors.Skip(1), start => Assert.True(start.IsNonBootProcessor));
    }

    [Fact]
    public void The_KVM_relocation_table_and_shuttle_server_take_no_server_id_and_the_rest_do()
    {
        var plan = SrvstartPlan.For(GuestInstances.Instance6(), dtlb: true);
        Assert.Equal(
            new[] { "KVM", "relocation table", "shuttle server" },
            plan.Starts.Where(start => !start.TakesServerId).Select(start => start.Describe()));
        Assert.Equal(22, plan.ServerIdCount);
    }

    [Fact]
    public void A_2_cluster_instance_with_2_cores_per_cluster_has_4_processors()
    {
        var info = GuestInstances.Instance6(spec: MachineSpec.Tsar4x4 with { CoresPerCluster = 2 });
        var plan = SrvstartPlan.For(info, dtlb: false);
        Assert.Equal(
            new[] { "DMA 1", "processor 0", "shuttle server", "processor 1", "processor 2", "processor 3" },
            plan.Starts.Skip(14).Select(start => start.Describe()));
    }

    [Fact]
    public void A_1_cluster_instance_starts_one_bank_and_one_DMA()
    {
        var plan = SrvstartPlan.For(GuestInstances.Instance6(clusters: 1), dtlb: false);
        Assert.Equal(1, plan.Starts.Count(start => start.Kind == ServerKind.MemoryBank));
        Assert.Equal(new[] { "DMA 0" }, plan.Starts.Where(start => start.Kind == ServerKind.Dma).Select(start => start.Describe()));
        Assert.Equal(4, plan.Starts.Count(start => start.Kind == ServerKind.Processor));
    }

    [Fact]
    public void Plans_compare_by_value()
    {
        Assert.Equal(SrvstartPlan.For(GuestInstances.Instance6(), true), SrvstartPlan.For(GuestInstances.Instance6(), true));
        Assert.NotEqual(SrvstartPlan.For(GuestInstances.Instance6(), true), SrvstartPlan.For(GuestInstances.Instance6(), false));
    }
}
