using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Host.Shell;
using static ActorHyper.Host.Tests.Shell.Replies;

namespace ActorHyper.Host.Tests.Shell;

public sealed class ReplyJsonTests
{
    private const string Instance6 = """{"id":6,"state":"Running","clusters":[[0,1],[1,1]],"ioc":6,"tty":0,"fb":0,"cores":8}""";

    [Fact]
    public void A_launch_is_the_command_and_the_instance()
    {
        Assert.Equal(
            """{"command":"run -nc 2 -i 6","instance":{"id":6,"state":"Booting","clusters":[[0,1],[1,1]],"ioc":6,"tty":0,"fb":0,"cores":8}}""",
            ReplyJson.Line(Done("run -nc 2 -i 6", new InstanceLaunched(Running6 with { State = InstanceState.Booting }))));
    }

    [Fact]
    public void A_kill_is_the_command_and_the_stopped_instance()
    {
        Assert.Equal(
            """{"command":"kill -i 6","instance":{"id":6,"state":"Stopped","clusters":[[0,1],[1,1]],"ioc":6,"tty":0,"fb":0,"cores":8}}""",
            ReplyJson.Line(Done("kill -i 6", new InstanceStopped(Running6 with { State = InstanceState.Stopped }))));
    }

    [Fact]
    public void Ps_and_wait_are_the_instances_with_a_failed_ones_step_and_reason()
    {
        var table = new InstanceTable(ValueList.Of(Running6, Failed12));
        const string failed = """{"id":12,"state":"Failed","clusters":[[1,0]],"ioc":12,"tty":1,"fb":1,"cores":4,"failedStep":"Boot","reason":"core (1,0)/0 faulted: no code"}""";
        const string instances = "[" + Instance6 + "," + failed + "]";
        Assert.Equal("""{"command":"ps","instances":""" + instances + "}", ReplyJson.Line(Done("ps", table)));
        Assert.Equal("""{"command":"wait -t 5s","instances":""" + instances + "}", ReplyJson.Line(Done("wait -t 5s", table)));
        Assert.Equal("""{"command":"ps","instances":[]}""", ReplyJson.Line(Done("ps", new InstanceTable(ValueList.Of<InstanceInfo>()))));
    }

    [Fact]
    public void The_map_is_every_cluster_with_its_owner_a_word_or_an_instance_number()
    {
        Assert.Equal(
            """{"command":"map","clusters":[{"x":0,"y":0,"owner":"hypervisor"},{"x":0,"y":1,"owner":6},""" +
            """{"x":1,"y":0,"owner":12},{"x":1,"y":1,"owner":6}]}""",
            ReplyJson.Line(Done("map", Map2x2)));
        Assert.Contains("""{"x":1,"y":0,"owner":"free"}""", ReplyJson.Line(Done("map", Map3x1)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tty_is_the_instance_its_channel_and_lines()
    {
        Assert.Equal(
            """{"command":"tty -i 6 -s 1","instance":6,"channel":0,"subchannel":1,"lines":["boot: \"ok\"","it's up"]}""",
            ReplyJson.Line(Done("tty -i 6 -s 1", new TtyLines(6, 0, 1, ValueList.Of("boot: \"ok\"", "it's up")))));
        Assert.Equal(
            """{"command":"tty -i 6","instance":6,"channel":0,"subchannel":0,"lines":[]}""",
            ReplyJson.Line(Done("tty -i 6", new TtyLines(6, 0, 0, ValueList.Of<string>()))));
    }

    [Fact]
    public void Help_is_its_lines()
    {
        Assert.Equal("""{"command":"help","help":["ps   the table"]}""", ReplyJson.Line(Done("help", new HelpText(ValueList.Of("ps   the table")))));
    }

    [Fact]
    public void A_refusal_is_the_command_and_the_error()
    {
        Assert.Equal(
            """{"command":"frobnicate","error":"unknown command 'frobnicate' (commands: run, ps)"}""",
            ReplyJson.Line(ShellReply.Refused("frobnicate", "unknown command 'frobnicate' (commands: run, ps)")));
    }
}
