using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>After a run a monitor failed, what is driven between runs (a power cycle) still runs: the failure holds back the failed run only.</summary>
public sealed class BetweenRunsTests
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<int>(n =>
        {
            if (n > 0)
            {
                Self.Tell(n - 1);
            }
        });
    }

    private sealed class FailAtFirst : RunMonitor
    {
        public override void OnDelivery(Delivery delivery) => Fail("planted");
    }

    [Fact]
    public void A_failed_run_stops_but_steps_between_runs_go_on_and_the_next_run_starts_clean()
    {
        var system = ControlledSystems.Create(0);
        var driver = system.Driver();
        driver.AddMonitor(new FailAtFirst());
        var echo = driver.ActorOf(Props.Create(() => new Echo()), "echo");
        driver.BeginRun(1);
        echo.Tell(5);

        Assert.Equal(RunOutcome.Failed, driver.RunUntilQuiescent());
        Assert.Equal(1, driver.Steps);

        driver.BetweenRuns();
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        Assert.Equal(6, driver.Steps);

        driver.BeginRun(2);
        Assert.Null(driver.Failure);
        Assert.Empty(driver.Decisions);
        driver.Terminate();
    }
}
