using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration;
using ActorHyper.Hardware.Guest;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// Watches the guest events on the event stream and checks them with one <see cref="BootOrderChecker"/>
/// per instance (a fresh one at each launch), publishing a <see cref="GuestRuleViolated"/> for every
/// rule broken. Events reach it in the order they were published, and a guest publishes each one
/// before it does what the next one reports, so the order it sees is the order things happened in.
/// </summary>
public sealed class BootOrderMonitor : ReceiveActor
{
    private readonly bool dtlb;
    private readonly Dictionary<int, BootOrderChecker> checkers = [];
    private readonly ILoggingAdapter log = ActorLog.Of(Context);

    public BootOrderMonitor(bool dtlb)
    {
        this.dtlb = dtlb;
        Receive<InstanceStateChanged>(changed =>
        {
            if (changed.State == InstanceState.Allocating)
            {
                checkers[changed.InstanceId] = new BootOrderChecker(dtlb);
            }
        });
        Receive<ServerIdTaken>(e => Check(e, e.InstanceId, Checker(e.InstanceId).ServerIdTaken(e.Id, e.Processor, e.IsBootCore)));
        Receive<GuestServerStarted>(e => Check(e, e.InstanceId, Checker(e.InstanceId).ServerStarted(e.Entry, e.Id, e.Processor)));
        Receive<IdleShuttleTaken>(e => Check(e, e.InstanceId, Checker(e.InstanceId).IdleShuttleTaken(e.Processor)));
        Receive<SrvstartFinished>(e => Check(e, e.InstanceId, Checker(e.InstanceId).SrvstartFinished(e.Plan)));
    }

    /// <summary>The event types the monitor reads: subscribe it to each.</summary>
    public static IReadOnlyList<Type> Channels { get; } =
        [typeof(InstanceStateChanged), typeof(ServerIdTaken), typeof(GuestServerStarted), typeof(IdleShuttleTaken), typeof(SrvstartFinished)];

    public static Props Props(GuestOptions? options) => Akka.Actor.Props.Create(() => new BootOrderMonitor((options ?? GuestOptions.Default).Dtlb));

    /// <summary>Starts the monitor in <paramref name="system"/> and subscribes it to the guest events.</summary>
    public static IActorRef Start(ActorSystem system, GuestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(system);
        // A controlled system's top-level actors are created through its driver, which waits until they are started.
        var monitor = ControlledDriver.TryGet(system) is { } driver
            ? driver.ActorOf(Props(options), "boot-order-monitor")
#pragma warning disable AK1008 // Called from outside the actors (the hypervisor's handle), not by this actor: a top-level actor is meant.
            : system.ActorOf(Props(options), "boot-order-monitor");
#pragma warning restore AK1008
        foreach (var channel in Channels)
        {
            system.EventStream.Subscribe(monitor, channel);
        }
        return monitor;
    }

    /// <summary>An instance seen without its launch (a monitor started late) gets a checker at its first event.</summary>
    private BootOrderChecker Checker(int instance)
    {
        if (!checkers.TryGetValue(instance, out var checker))
        {
            checker = new BootOrderChecker(dtlb);
            checkers[instance] = checker;
        }
        return checker;
    }

    private void Check(HardwareEvent happened, int instance, string? violation)
    {
        if (violation is null)
        {
            return;
        }
        log.Warning("Off++ rule broken in instance {InstanceId}: {Violation}", instance, violation);
        Context.System.EventStream.Publish(new GuestRuleViolated(Context.Now, happened.Unit, instance, violation));
    }
}
