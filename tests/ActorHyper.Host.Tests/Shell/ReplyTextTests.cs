using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Host.Shell;
using static ActorHyper.Host.Tests.Shell.Replies;

namespace ActorHyper.Host.Tests.Shell;

public sealed class ReplyTextTests
{
    [Fact]
    public void A_launch_echoes_the_command_and_names_what_the_instance_got()
    {
        var booting = Running6 with { State = InstanceState.Booting };
        Assert.Equal(
            ["> run -nc 2 -i 6", "instance 6 Booting on clusters (0,1) (1,1), IOC 6, TTY 0, FB 0, 8 cores"],
            ReplyText.Transcript(Done("run -nc 2 -i 6", new InstanceLaunched(booting))));
    }

    [Fact]
    public void A_kill_says_what_was_returned()
    {
        var stopped = Running6 with { State = InstanceState.Stopped };
        Assert.Equal(
            ["instance 6 Stopped: clusters (0,1) (1,1), IOC 6, TTY 0, FB 0 returned"],
            ReplyText.Result(Done("kill -i 6", new InstanceStopped(stopped))));
    }

    [Fact]
    public void A_refusal_is_one_error_line_after_the_echo()
    {
        Assert.Equal(["> kill -i 9", "error: no instance 9"], ReplyText.Transcript(ShellReply.Refused("kill -i 9", "no instance 9")));
    }

    [Fact]
    public void The_instance_table_aligns_its_columns_and_gives_a_failure_its_own_line()
    {
        var lines = ReplyText.Result(Done("ps", new InstanceTable(ValueList.Of(Running6, Failed12))));
        Assert.Equal(
            [
                "ID  STATE    CLUSTERS     IOC  TTY  FB  CORES",
                "6   Running  (0,1) (1,1)  6    0    0   8",
                "12  Failed   (1,0)        12   1    1   4",
                "    failed at Boot: core (1,0)/0 faulted: no code",
            ],
            lines);
    }

    [Fact]
    public void An_empty_table_says_so()
    {
        Assert.Equal(["no instances"], ReplyText.Result(Done("ps", new InstanceTable(ValueList.Of<InstanceInfo>()))));
    }

    [Fact]
    public void The_map_is_a_grid_with_y_up_and_x_right()
    {
        Assert.Equal(
            [
                "y",
                "1  6  6",
                "0 HV 12",
                "   0  1  x",
                "HV hypervisor, . free, a number: the instance holding the cluster",
            ],
            ReplyText.Result(Done("map", Map2x2)));
    }

    [Fact]
    public void Free_clusters_are_dots()
    {
        Assert.Equal(["y", "0 HV  .  .", "   0  1  2  x"], ReplyText.Result(Done("map", Map3x1)).Take(3));
    }

    [Fact]
    public void A_tty_shows_its_lines_or_says_there_is_no_output()
    {
        Assert.Equal(["(no output)"], ReplyText.Result(Done("tty -i 6", new TtyLines(6, 0, 0, ValueList.Of<string>()))));
        Assert.Equal(["boot: ok", "kernel: up"], ReplyText.Result(Done("tty -i 6", new TtyLines(6, 0, 0, ValueList.Of("boot: ok", "kernel: up")))));
    }

    [Fact]
    public void Help_is_its_lines()
    {
        Assert.Equal(["ps   the table"], ReplyText.Result(Done("help", new HelpText(ValueList.Of("ps   the table")))));
    }
}
