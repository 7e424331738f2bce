using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

public sealed class SmokeTests
{
    private sealed class Counter : ReceiveActor
    {
        public Counter(List<string> log)
        {
            Receive<string>(s =>
            {
                log.Add(s);
                if (s.StartsWith("ping", StringComparison.Ordinal))
                {
                    Sender.Tell("pong" + s[4..]);
                }
            });
        }
    }

    [Fact]
    public void Delivers_outside_messages_one_step_each()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var log = new List<string>();
        var actor = driver.ActorOf(Props.Create(() => new Counter(log)), "counter");
        actor.Tell("a");
        actor.Tell("b");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        Assert.Equal(["a", "b"], log);
        Assert.Equal(2, driver.Steps);
        driver.Terminate();
    }
}
