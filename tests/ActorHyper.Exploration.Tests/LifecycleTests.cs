using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Exploration.Tests;

/// <summary>Akka's own machinery under control: stash, supervision, death watch, Ask from outside, the event stream.</summary>
public sealed class LifecycleTests
{
    /// <summary>Stashes until "open"; then every stashed message is a choice of its own, one delivery per step.</summary>
    private sealed class Gate : ReceiveActor, IWithUnboundedStash
    {
        public Gate(List<string> seen)
        {
            Receive<string>(m => m == "open", _ =>
            {
                Become(() => ReceiveAny(m => seen.Add((string)m)));
                Stash.UnstashAll();
            });
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    [Fact]
    public void Unstashed_messages_are_delivered_one_per_step_in_their_order_before_later_ones()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var seen = new List<string>();
        var gate = driver.ActorOf(Props.Create(() => new Gate(seen)), "gate");
        gate.Tell("a");
        gate.Tell("b");
        gate.Tell("open");
        gate.Tell("c");
        Assert.Equal(RunOutcome.Delivered, driver.Step());
        Assert.Equal(RunOutcome.Delivered, driver.Step());
        Assert.Equal(RunOutcome.Delivered, driver.Step()); // open: a and b go back, ahead of c
        Assert.Empty(seen);
        Assert.Equal(RunOutcome.Delivered, driver.Step());
        Assert.Equal(["a"], seen);
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        Assert.Equal(["a", "b", "c"], seen);
        Assert.Equal(6, driver.Steps);
        driver.Terminate();
    }

    private sealed class Fragile : ReceiveActor
    {
        private int _count;

        public Fragile(List<string> seen)
        {
            Receive<string>(m =>
            {
                if (m == "boom")
                {
                    throw new InvalidOperationException("boom");
                }

                seen.Add($"{m}:{++_count}");
            });
        }
    }

    private sealed class Supervisor : ReceiveActor
    {
        public Supervisor(List<string> seen, Directive directive)
        {
            var child = Context.ActorOf(Props.Create(() => new Fragile(seen)), "child");
            _directive = directive;
            ReceiveAny(m => child.Tell(m));
        }

        private readonly Directive _directive;

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => _directive);
    }

    [Theory]
    [InlineData(Directive.Resume, "x:1,y:2")]
    [InlineData(Directive.Restart, "x:1,y:1")]
    [InlineData(Directive.Stop, "x:1")]
    public void A_failing_child_is_handled_by_its_supervisor_within_the_step(Directive directive, string expected)
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var seen = new List<string>();
        var root = driver.ActorOf(Props.Create(() => new Supervisor(seen, directive)), "root");
        root.Tell("x");
        root.Tell("boom");
        root.Tell("y");
        driver.RunUntilQuiescent();
        Assert.Equal(expected, string.Join(",", seen));
        driver.Terminate();
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(List<string> seen)
        {
            var child = Context.ActorOf(Props.Create(() => new Fragile(seen)), "child");
            Context.Watch(child);
            Receive<string>(_ => Context.Stop(child));
            Receive<Terminated>(t => seen.Add("terminated " + t.ActorRef.Path.Name));
        }
    }

    [Fact]
    public void Terminated_reaches_the_watcher_as_a_delivery()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var seen = new List<string>();
        var root = driver.ActorOf(Props.Create(() => new Watcher(seen)), "root");
        root.Tell("stop it");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        Assert.Equal(["terminated child"], seen);
        // Akka's watcher tells itself Terminated while it handles the death notification (a system message).
        Assert.Equal(new Decision(DecisionKind.Message, "/user/root", "/user/root", 0), driver.Decisions[^1]);
        driver.Terminate();
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<int>(n => Sender.Tell(n * 2));
    }

    [Fact]
    public async Task A_host_asks_from_outside_and_drives_until_the_answer()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var echo = driver.ActorOf(Props.Create(() => new Echo()), "echo");
        var answer = echo.Ask<int>(21);
        Assert.Equal(RunOutcome.ConditionMet, driver.RunUntil(() => answer.IsCompleted));
        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Equal(42, await answer);
        driver.Terminate();
    }

    private sealed class Publisher : ReceiveActor
    {
        public Publisher()
        {
            var log = Context.GetLogger();
            Receive<string>(m =>
            {
                log.Info("publishing {0}", m);
                Context.System.EventStream.Publish(new Published(m));
            });
        }
    }

    private sealed record Published(string What);

    private sealed class NoSecondEvent : RunMonitor
    {
        public List<string> Events { get; } = [];

        public List<long> Deliveries { get; } = [];

        public override void OnDelivery(Delivery delivery) => Deliveries.Add(delivery.Step);

        public override void OnEvent(object published)
        {
            if (published is Published p)
            {
                Events.Add(p.What);
                if (Events.Count == 2)
                {
                    Fail($"a second event: {p.What}");
                }
            }
        }
    }

    [Fact]
    public void Monitors_see_deliveries_and_events_where_they_happen_and_a_violation_stops_the_run_at_its_step()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var monitor = new NoSecondEvent();
        driver.AddMonitor(monitor);
        var publisher = driver.ActorOf(Props.Create(() => new Publisher()), "publisher");
        foreach (var m in new[] { "one", "two", "three" })
        {
            publisher.Tell(m);
        }

        Assert.Equal(RunOutcome.Failed, driver.RunUntilQuiescent());
        Assert.Equal(["one", "two"], monitor.Events);
        Assert.Equal([0L, 1L], monitor.Deliveries);
        var failure = Assert.IsType<RunFailure>(driver.Failure);
        Assert.Equal(nameof(NoSecondEvent), failure.Monitor);
        Assert.Equal(1, failure.Step);
        Assert.Contains("a second event: two", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(RunOutcome.Failed, driver.Step());
        driver.Terminate();
    }

    /// <summary>Wants only string deliveries and <see cref="Published"/> events; records everything it is shown.</summary>
    private sealed class Choosy : RunMonitor
    {
        public List<Type> Shown { get; } = [];

        public List<Type> Asked { get; } = [];

        public override bool WantsDelivery(Type messageType)
        {
            Asked.Add(messageType);
            return messageType == typeof(string);
        }

        public override bool WantsEvent(Type eventType) => eventType == typeof(Published);

        public override void OnDelivery(Delivery delivery) => Shown.Add(delivery.Message.GetType());

        public override void OnEvent(object published) => Shown.Add(published.GetType());
    }

    [Fact]
    public void A_monitor_is_shown_only_the_deliveries_and_events_of_the_types_it_wants_and_asked_once_per_type()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var choosy = new Choosy();
        var all = new NoSecondEvent();
        driver.AddMonitor(choosy);
        driver.AddMonitor(all);
        var publisher = driver.ActorOf(Props.Create(() => new Publisher()), "publisher");
        var echo = driver.ActorOf(Props.Create(() => new Echo()), "echo");
        publisher.Tell("one");
        echo.Tell(1);
        echo.Tell(2);

        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        // The string and its Published event; not the ints, nor the echo's replies, nor the log event.
        Assert.Equal([typeof(string), typeof(Published)], choosy.Shown);
        Assert.Equal(choosy.Asked.Distinct().Count(), choosy.Asked.Count);
        Assert.Contains(typeof(int), choosy.Asked);
        // A monitor that wants everything still sees every delivery.
        Assert.True(driver.Steps >= 3);
        Assert.Equal(Enumerable.Range(0, (int)driver.Steps).Select(step => (long)step), all.Deliveries);
        driver.Terminate();
    }

    [Fact]
    public void Log_events_are_written_where_they_are_published_stamped_with_the_step()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var sink = new ListSink();
        driver.Logger = new Serilog.LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();
        var publisher = driver.ActorOf(Props.Create(() => new Publisher()), "publisher");
        publisher.Tell("one");
        publisher.Tell("two");
        driver.RunUntilQuiescent();
        var lines = sink.Events.Where(e => e.Properties["ActorPath"].ToString() == "\"/user/publisher\"").ToList();
        Assert.Equal(2, lines.Count);
        // Step 0 cost 1 µs of virtual time (ExecutionModel.StepTime).
        Assert.Equal("step 1 @0.001ms", lines[1].Properties["Clock"].ToString().Trim('"'));
        Assert.Contains("two", lines[1].RenderMessage(), StringComparison.Ordinal);
        driver.Terminate();
    }

    private sealed class ListSink : Serilog.Core.ILogEventSink
    {
        public List<Serilog.Events.LogEvent> Events { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent) => Events.Add(logEvent);
    }

    /// <summary>Tells the gate two messages and opens it.</summary>
    private sealed class Client : ReceiveActor
    {
        public Client(IActorRef gate)
        {
            gate.Tell("a");
            gate.Tell("b");
            gate.Tell("open");
            ReceiveAny(_ => { });
        }
    }

    private sealed class SeenBy : RunMonitor
    {
        public List<(string Message, string Sender, bool IsUnstashed)> Seen { get; } = [];

        public override bool WantsDelivery(Type messageType) => messageType == typeof(string);

        public override void OnDelivery(Delivery delivery) => Seen.Add(((string)delivery.Message, delivery.Sender, delivery.IsUnstashed));
    }

    [Fact]
    public void An_unstashed_message_keeps_its_original_sender_and_says_it_was_unstashed()
    {
        var system = ControlledSystems.Create(1);
        var driver = system.Driver();
        var monitor = new SeenBy();
        driver.AddMonitor(monitor);
        var gate = driver.ActorOf(Props.Create(() => new Gate(new List<string>())), "gate");
        driver.ActorOf(Props.Create(() => new Client(gate)), "client");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());

        const string client = "/user/client";
        Assert.Equal([("a", client, false), ("b", client, false), ("open", client, false), ("a", client, true), ("b", client, true)], monitor.Seen);
        driver.Terminate();
    }
}
