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
