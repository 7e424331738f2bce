using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// Many runs on one system (as exploration does, to spare actor creation): <see cref="ControlledDriver.BeginRun"/>
/// starts each as a fresh system would, so a seed's trace does not depend on what ran before it.
/// </summary>
public sealed class RunReuseTests
{
    private sealed record Ball(int Left);

    /// <summary>
    /// Plays a few rounds, sometimes pausing on a plain scheduler timer. Not Akka's <c>IWithTimers</c>:
    /// its timer messages carry a generation that lives on in the actor from run to run, and a
    /// reused actor's state is the caller's to reset.
    /// </summary>
    private sealed class Player : ReceiveActor
    {
        public Player()
        {
            Receive<(IActorRef Other, int Rounds)>(start => start.Other.Tell(new Ball(start.Rounds)));
            Receive<Ball>(ball =>
            {
                if (ball.Left <= 0)
                {
                    return;
                }

                if (Context.Random.Next(4) != 0)
                {
                    Sender.Tell(new Ball(ball.Left - 1));
                }
                else
                {
#pragma warning disable AK1004 // A one-shot timer of a test actor that outlives it by nothing.
                    Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(1 + Context.Random.Next(3)), Sender, new Ball(ball.Left - 1), Self);
#pragma warning restore AK1004
                }
            });
        }
    }

    private sealed class Table : ReceiveActor
    {
        public Table()
        {
            var a = Context.ActorOf(Props.Create(() => new Player()), "a");
            var b = Context.ActorOf(Props.Create(() => new Player()), "b");
            Receive<int>(rounds =>
            {
                a.Tell((b, rounds));
                b.Tell((a, rounds));
            });
        }
    }

    private static ulong RunOn(ControlledDriver driver, IActorRef table, ulong seed)
    {
        driver.BeginRun(seed);
        table.Tell(8);
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        return driver.TraceHash;
    }

    [Fact]
    public void A_seed_gives_the_same_hash_first_in_a_fresh_system_and_after_many_other_runs()
    {
        var fresh = ControlledSystems.Create(0);
        var freshDriver = fresh.Driver();
        var freshTable = freshDriver.ActorOf(Props.Create(() => new Table()), "table");
        var expected = RunOn(freshDriver, freshTable, 42);
        freshDriver.Terminate();

        var reused = ControlledSystems.Create(0);
        var driver = reused.Driver();
        var table = driver.ActorOf(Props.Create(() => new Table()), "table");
        var others = new HashSet<ulong>();
        for (ulong seed = 100; seed < 300; seed++)
        {
            others.Add(RunOn(driver, table, seed));
        }

        Assert.True(others.Count > 150, $"only {others.Count} distinct traces in 200 seeds");
        Assert.Equal(expected, RunOn(driver, table, 42));
        driver.Terminate();
    }

    [Fact]
    public void Systems_driven_on_their_own_threads_at_once_do_not_disturb_each_other()
    {
        static ulong Alone(ulong seed)
        {
            var system = ControlledSystems.Create(seed);
            var driver = system.Driver();
            var table = driver.ActorOf(Props.Create(() => new Table()), "table");
            table.Tell(200);
            driver.RunUntilQuiescent();
            var hash = driver.TraceHash;
            driver.Terminate();
            return hash;
        }

        var expected = Enumerable.Range(1, 4).Select(seed => Alone((ulong)seed)).ToArray();
        var parallel = new ulong[4];
        var threads = Enumerable.Range(0, 4).Select(i => new Thread(() => parallel[i] = Alone((ulong)(i + 1)))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(expected, parallel);
    }
}

/// <summary>The end of a run, where liveness is judged, and what is driven between runs.</summary>
public sealed class RunEndTests
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }

    private sealed class Sink : ReceiveActor
    {
        public Sink() => ReceiveAny(_ => { });
    }

    /// <summary>Liveness in the small: every request sent to the echo got its answer by the end of the run.</summary>
    private sealed class EveryRequestAnswered : RunMonitor
    {
        private int _open;

        public override void OnRunStart() => _open = 0;

        public override void OnDelivery(Delivery delivery)
        {
            _open += delivery.Receiver == "/user/echo" ? 1 : 0;
            _open -= delivery.Sender == "/user/echo" ? 1 : 0;
        }

        public override void OnRunEnd(RunOutcome outcome)
        {
            if (_open != 0)
            {
                Fail($"{_open} request(s) unanswered at the end ({outcome})");
            }
        }
    }

    private sealed class Asker : ReceiveActor
    {
        public Asker(IActorRef echo)
        {
            Receive<string>(m => m == "go", _ => echo.Tell("ping"));
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public void A_violation_found_when_the_run_ends_fails_it_and_a_satisfied_one_does_not()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var watch = new EveryRequestAnswered();
        driver.AddMonitor(watch);
        var echo = driver.ActorOf(Props.Create(() => new Echo()), "echo");
        var asker = driver.ActorOf(Props.Create(() => new Asker(echo)), "asker");
        asker.Tell("go");
        Assert.Equal(RunOutcome.Delivered, driver.Step());
        Assert.Equal(RunOutcome.Delivered, driver.Step());
        Assert.Equal(RunOutcome.Failed, driver.EndRun(RunOutcome.ConditionMet));
        Assert.Contains("1 request(s) unanswered", driver.Failure!.Reason, StringComparison.Ordinal);

        driver.BeginRun(2);
        asker.Tell("go");
        Assert.Equal(RunOutcome.Quiescent, driver.EndRun(driver.RunUntilQuiescent()));
        Assert.Null(driver.Failure);
        driver.Terminate();
    }

    [Fact]
    public void What_is_driven_between_runs_is_neither_recorded_nor_hashed()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var sink = driver.ActorOf(Props.Create(() => new Sink()), "sink");
        driver.BeginRun(5);
        var empty = driver.TraceHash;
        driver.BetweenRuns();
        sink.Tell("settling");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        Assert.Empty(driver.Decisions);
        Assert.Equal(empty, driver.TraceHash);
        driver.BeginRun(5);
        sink.Tell("counted");
        driver.RunUntilQuiescent();
        Assert.True(driver.Decisions.Count == 1, string.Join("; ", driver.Decisions));
        Assert.NotEqual(empty, driver.TraceHash);
        driver.Terminate();
    }
}
