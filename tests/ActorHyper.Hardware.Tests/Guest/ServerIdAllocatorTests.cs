using ActorHyper.Hardware.Guest;

namespace ActorHyper.Hardware.Tests.Guest;

public class ServerIdAllocatorTests
{
    [Fact]
    public void The_node_id_has_seq_and_slot_0_and_prints_node_seq_and_slot()
    {
        Assert.Equal(new OffId(6, 0, 0), OffId.ForNode(6));
        Assert.Equal("n6.0/0", OffId.ForNode(6).ToString());
        Assert.Equal("n6.3/4", new OffId(6, 3, 4).ToString());
        Assert.False(new OffId(6, 3, 4).SlotMatchesSeq);
        Assert.Throws<ArgumentException>(() => new OffId(6, -1, 0));
    }

    [Fact]
    public void Server_ids_take_the_node_as_template_increment_seq_from_1_and_set_slot_to_seq()
    {
        var allocator = new ServerIdAllocator(OffId.ForNode(6));
        Assert.Empty(allocator.Issued);
        Assert.Equal(0, allocator.Seq);

        var ids = Enumerable.Range(0, 3).Select(_ => allocator.GetServerId()).ToList();

        Assert.Equal(new[] { new OffId(6, 1, 1), new OffId(6, 2, 2), new OffId(6, 3, 3) }, ids);
        Assert.Equal(ids, allocator.Issued);
        Assert.Equal(3, allocator.Seq);
        Assert.Equal(OffId.ForNode(6), allocator.Node);
    }

    [Fact]
    public void A_template_with_a_seq_already_advanced_continues_from_it()
    {
        var allocator = new ServerIdAllocator(new OffId(2, 5, 0));
        Assert.Equal(new OffId(2, 6, 6), allocator.GetServerId());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Walking_the_plan_of_a_2_cluster_instance_gives_each_id_taking_server_the_next_id(bool dtlb)
    {
        var plan = SrvstartPlan.For(GuestInstances.Instance6(), dtlb);
        var allocator = new ServerIdAllocator(OffId.ForNode(6));

        var ids = plan.Starts.Where(start => start.TakesServerId)
            .Select(start => $"{start.Describe()} = {allocator.GetServerId()}")
            .ToList();

        var expected = new List<string>
        {
            "memory bank 0 = n6.1/1",
            "memory bank 1 = n6.2/2",
            "portal server = n6.3/3",
            "I/O bank 0 (XICU) = n6.4/4",
            "I/O bank 1 (XICU) = n6.5/5",
            "I/O bank 2 (IOC) = n6.6/6",
            "I/O bank 3 (TTY) = n6.7/7",
            "I/O bank 4 (TTY) = n6.8/8",
            "I/O bank 5 (TTY) = n6.9/9",
            "I/O bank 6 (TTY) = n6.10/10",
            "I/O bank 7 (FBF) = n6.11/11",
            "DMA 0 = n6.12/12",
            "DMA 1 = n6.13/13",
            "processor 0 = n6.14/14",
        };
        var next = 15;
        if (dtlb)
        {
            expected.Add($"DMM = n6.{next}/{next++}");
        }
        for (var p = 1; p < 8; p++)
        {
            expected.Add($"processor {p} = n6.{next}/{next++}");
        }
        Assert.Equal(expected, ids);
        Assert.Equal(plan.ServerIdCount, allocator.Issued.Count);
        Assert.Equal(allocator.Issued.Count, allocator.Issued.Distinct().Count());
    }
}
