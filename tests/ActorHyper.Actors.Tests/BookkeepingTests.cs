using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

/// <summary>The plain bookkeeping the actors rely on: the status board, pending requests, the directory.</summary>
public sealed class BookkeepingTests
{
    [Fact]
    public void The_board_is_started_only_when_P0_C0_runs_the_hypervisor_and_every_other_core_waits()
    {
        var spec = MachineSpec.Tsar2x2;
        var board = new MachineStatusBoard(spec);
        var cores = spec.Clusters().SelectMany(c => Enumerable.Range(0, 4).Select(i => new CoreId(c, i))).ToList();
        Assert.False(board.IsStarted);
        foreach (var core in cores.Where(core => !core.IsMachineBootCore))
        {
            board.Update(core, CoreStatus.Waiting);
        }
        Assert.False(board.IsStarted);
        Assert.Equal(15, board.StartedCount);
        board.Update(CoreId.MachineBootCore, CoreStatus.Waiting);
        Assert.False(board.IsStarted);
        board.Update(CoreId.MachineBootCore, CoreStatus.RunningHypervisor);
        Assert.True(board.IsStarted);
        // Repeated and undone reports are counted once.
        board.Update(cores[5], CoreStatus.Waiting);
        Assert.True(board.IsStarted);
        board.Update(cores[5], CoreStatus.RunningHypervisor);
        Assert.False(board.IsStarted);
        Assert.Equal(CoreStatus.RunningHypervisor, board[cores[5]]);
        Assert.Equal(cores, board.Snapshot().Select(report => report.Core));
        Assert.Throws<ArgumentException>(() => board.Update(new CoreId(new ClusterId(2, 0), 0), CoreStatus.Waiting));
        Assert.Throws<ArgumentException>(() => board.Update(new CoreId(new ClusterId(0, 0), 4), CoreStatus.Waiting));
    }

    private sealed record Reply(long Tag) : ITaggedReply;

    [Fact]
    public void Pending_requests_run_each_continuation_once_and_drop_forgotten_ones()
    {
        var pending = new PendingRequests();
        var got = new List<long>();
        var first = pending.Register(reply => got.Add(reply.Tag));
        var second = pending.Register(reply => got.Add(reply.Tag * 10));
        Assert.NotEqual(first, second);
        Assert.True(pending.Complete(new Reply(second)));
        Assert.False(pending.Complete(new Reply(second)));
        pending.Forget();
        Assert.False(pending.Complete(new Reply(first)));
        var third = pending.Register(reply => got.Add(reply.Tag));
        Assert.True(third > second);
        Assert.True(pending.Complete(new Reply(third)));
        Assert.Equal([second * 10, third], got);
        Assert.Equal(0, pending.Count);
    }

    [Fact]
    public async Task The_directory_refuses_clusters_and_cores_outside_the_machine()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var directory = machine.Directory;
        Assert.Equal(16, directory.Cores().Count());
        Assert.Equal(new MachineAddress(new ClusterId(1, 0), Hardware.Addressing.SegmentMap.XicuSlotOffset(2)),
            directory.IpiMailbox(new CoreId(new ClusterId(1, 0), 2)));
        Assert.Throws<ArgumentException>(() => directory.Memory(new ClusterId(2, 0)));
        Assert.Throws<ArgumentException>(() => directory.Core(new CoreId(new ClusterId(1, 1), 4)));
    }
}
