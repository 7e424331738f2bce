using ActorHyper.Runtime;
using ActorHyper.Runtime.Controlled;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class ControlledExecutionTests
{
    private sealed record Hello(string From);

    /// <summary>Records the order in which two racing senders reached it.</summary>
    private sealed class Receiver : ReceiveActor
    {
        public Receiver(IActorRef report)
        {
            var order = new List<string>();
            Receive<Hello>(h =>
            {
                order.Add(h.From);
                if (order.Count == 2)
                {
                    report.Tell(string.Join(",", order));
                }
            });
        }
    }

    private sealed class Racer(string name, IActorRef target) : ReceiveActor
    {
        protected override void PreStart() => target.Tell(new Hello(name));
    }

    /// <summary>The racy toy: two senders started together race to one receiver.</summary>
    private static (string Order, ulong Hash, IReadOnlyList<int> Decisions) RunRace(ActorSystemSettings settings)
    {
        var system = ActorSystem.Create("race", settings);
        var probe = new TestProbe(system);
        var receiver = system.ActorOf(Props.Create(() => new Receiver(probe.Ref)), "receiver");
        system.ActorOf(Props.Create(() => new Racer("a", receiver)), "a");
        system.ActorOf(Props.Create(() => new Racer("b", receiver)), "b");
        var order = probe.ExpectMsg<string>();
        system.Controlled.RunUntilQuiescent();
        return (order, system.Controlled.TraceHash, [.. system.Controlled.Decisions]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_trace_hash()
    {
        for (ulong seed = 0; seed < 10; seed++)
        {
            var first = RunRace(ActorSystemSettings.Controlled(seed));
            var second = RunRace(ActorSystemSettings.Controlled(seed));
            Assert.Equal(first.Hash, second.Hash);
            Assert.Equal(first.Decisions, second.Decisions);
            Assert.Equal(first.Order, second.Order);
        }
    }

    [Fact]
    public void Different_seeds_show_both_orders_of_the_race()
    {
        var orders = Enumerable.Range(0, 40).Select(seed => RunRace(ActorSystemSettings.Controlled((ulong)seed)).Order).ToHashSet();
        Assert.Equal(["a,b", "b,a"], orders.Order());
        var hashes = Enumerable.Range(0, 40).Select(seed => RunRace(ActorSystemSettings.Controlled((ulong)seed)).Hash).ToHashSet();
        Assert.True(hashes.Count > 1);
    }

    [Fact]
    public void A_recorded_schedule_replays_to_the_same_trace()
    {
        for (ulong seed = 0; seed < 10; seed++)
        {
            var original = RunRace(ActorSystemSettings.Controlled(seed));
            var replayed = RunRace(ActorSystemSettings.Controlled(seed, new ReplayStrategy(original.Decisions)));
            Assert.Equal(original.Hash, replayed.Hash);
            Assert.Equal(original.Order, replayed.Order);
        }
    }

    [Fact]
    public void A_replay_that_no_longer_matches_fails_the_run_naming_the_step()
    {
        var system = ActorSystem.Create("diverge", ActorSystemSettings.Controlled(1, new ReplayStrategy([999])));
        system.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal(RunOutcome.Failed, system.Controlled.RunUntilQuiescent());
        Assert.StartsWith("replay diverged at step 0: the recording chose actor #999", system.Controlled.Failure!.Reason, StringComparison.Ordinal);
    }

    private sealed class ForbidWord(string word) : IDeliveryMonitor
    {
        public string Name => "no-" + word;

        public List<Delivery> Seen { get; } = [];

        public void Observe(in Delivery delivery)
        {
            Seen.Add(delivery);
            if (delivery.Message is string s && s == word)
            {
                throw new MonitorViolationException($"'{word}' was delivered to {delivery.Receiver.Path}");
            }
        }
    }

    [Fact]
    public void A_monitor_sees_every_delivery_and_can_fail_the_run()
    {
        var system = ActorSystem.Create("monitored", ActorSystemSettings.Controlled(3));
        var monitor = new ForbidWord("bad");
        system.Controlled.AddMonitor(monitor);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = new TestProbe(system);
        probe.Send(echo, "fine");
        probe.ExpectMsg("fine");
        probe.Send(echo, "bad");
        Assert.Throws<TestKitException>(() => probe.ExpectMsg<string>());
        var failure = system.Controlled.Failure!;
        Assert.Equal("no-bad", failure.Source);
        Assert.Equal("'bad' was delivered to /user/echo", failure.Reason);
        Assert.Equal(system.Controlled.Steps, monitor.Seen.Count);
        Assert.Equal(Enumerable.Range(0, monitor.Seen.Count).Select(i => (long)i), monitor.Seen.Select(d => d.Step));
        Assert.Equal(RunOutcome.Failed, system.Controlled.Step());
    }

    private sealed class PingPong : ReceiveActor
    {
        public PingPong() => Receive<IActorRef>(other => other.Tell(Self, Self));
    }

    [Fact]
    public void An_endless_exchange_stops_at_the_step_limit()
    {
        var system = ActorSystem.Create("endless", ActorSystemSettings.Controlled(5) with { StepLimit = 1_000 });
        var a = system.ActorOf(Props.Create(() => new PingPong()));
        var b = system.ActorOf(Props.Create(() => new PingPong()));
        a.Tell(b);
        Assert.Equal(RunOutcome.StepLimitReached, system.Controlled.RunUntilQuiescent());
        Assert.Equal(1_000, system.Controlled.Steps);
    }

    [Fact]
    public void Actor_randomness_comes_from_the_seed()
    {
        static int[] Draw(ulong seed)
        {
            var system = ActorSystem.Create("dice", ActorSystemSettings.Controlled(seed));
            var probe = new TestProbe(system);
            var dice = system.ActorOf(Props.Create(() => new Dice()), "dice");
            return [.. Enumerable.Range(0, 8).Select(_ =>
            {
                probe.Send(dice, "roll");
                return probe.ExpectMsg<int>();
            })];
        }

        Assert.Equal(Draw(11), Draw(11));
        Assert.NotEqual(Draw(11), Draw(12));
    }

    private sealed class Dice : ReceiveActor
    {
        public Dice() => Receive<string>(_ => Sender.Tell(Context.Random.Next(1_000_000)));
    }

    [Fact]
    public void Driving_the_scheduler_from_inside_an_actor_is_refused()
    {
        var system = ActorSystem.Create("reentrant", ActorSystemSettings.Controlled(1));
        var probe = new TestProbe(system);
        var actor = system.ActorOf(Props.Create(() => new Reentrant(probe.Ref)));
        probe.Send(actor, "go");
        Assert.Contains("never from inside an actor", probe.ExpectMsg<string>(), StringComparison.Ordinal);
    }

    private sealed class Reentrant(IActorRef report) : ReceiveActor
    {
        protected override void PreStart() => Context.Become(_ =>
        {
            try
            {
                Context.System.Controlled.Step();
            }
            catch (InvalidOperationException e)
            {
                report.Tell(e.Message);
            }

            return true;
        });
    }
}

public sealed class ControlledLoggingTests
{
    private sealed class Chatty : ReceiveActor
    {
        public Chatty() => Receive<string>(s => Context.Log.Information("heard {Word}", s));
    }

    [Fact]
    public async Task Log_events_of_a_controlled_run_carry_the_step_virtual_time_and_actor_path()
    {
        var sink = new ListSink();
        var system = TestSystems.Create(ExecutionMode.Controlled, sink: sink);
        var chatty = system.ActorOf(Props.Create(() => new Chatty()), "chatty");
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), chatty, "tick");
        system.Controlled.RunUntilQuiescent();
        var heard = Assert.Single(sink.Events, e => e.MessageTemplate.Text == "heard {Word}");
        Assert.Equal("\"/user/chatty\"", heard.Properties["ActorPath"].ToString());
        Assert.Equal("\"2000.000ms\"", heard.Properties["VirtualTime"].ToString());
        Assert.True(long.Parse(heard.Properties["Step"].ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        await system.Terminate();
    }
}
