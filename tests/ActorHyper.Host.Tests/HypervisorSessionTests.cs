using ActorHyper.Actors.Hypervisor;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Shell;
using ActorHyper.Actors.Machine;

namespace ActorHyper.Host.Tests;

public sealed class HypervisorSessionTests
{
    private static readonly string[] Commands = ["run -nc 2 -i 6", "ps", "run -nc 3 -i 2", "ps", "wait", "kill -i 6", "map"];

    private static ActorHyperOptions Controlled(params string[] sets) =>
        OptionsBinder.Bind(ConfigurationLoader.Load(null, ["actorhyper.runtime.mode = controlled", .. sets], _ => null));

    /// <summary>Where each command's reply left the run: the step count and the trace hash so far.</summary>
    private static List<(long Steps, ulong Trace)> Checkpoints(ActorHyperOptions options)
    {
        using var session = HypervisorSession.Start(options, Serilog.Core.Logger.None);
        var checkpoints = new List<(long, ulong)>();
        foreach (var command in Commands)
        {
            Assert.True(session.Execute(command).Succeeded, command);
            checkpoints.Add((session.Driver!.Steps, session.Driver.TraceHash));
        }

        return checkpoints;
    }

    [Fact]
    public void In_a_controlled_run_each_reply_arrives_at_the_same_step_for_the_same_seed()
    {
        // The scheduler stops on the reply itself, not on a continuation the thread pool runs some
        // deliveries later: otherwise later commands land at varying points of the run.
        Assert.Equal(Checkpoints(Controlled()), Checkpoints(Controlled()));
    }

    [Fact]
    public void A_session_runs_in_the_configured_mode()
    {
        using var session = HypervisorSession.Start(OptionsBinder.Bind(ConfigurationLoader.Load(null, [], _ => null)), Serilog.Core.Logger.None);
        Assert.Equal(ExecutionMode.Concurrent, MachineSystems.ModeOf(session.System));
        Assert.Null(session.Driver);
        Assert.IsType<InstanceTable>(session.Execute("ps").Answer);
        Assert.False(session.AnyInstanceFailed());
    }
}
