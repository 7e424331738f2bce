using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Monitors;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Guest;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// Watches the guest events on the event stream of a concurrent run and checks them with
/// <see cref="BootOrderRules"/>, publishing a <see cref="GuestRuleViolated"/> for every rule broken.
/// Akka enqueues an event in a subscriber's mailbox while it is published, and a guest publishes
/// each one before it does what the next one reports, so the order it sees is the order things
/// happened in. A controlled run may deliver events from different publishers in any order (it
/// keeps order per sender only), so there the same rules run as <see cref="Monitors.BootOrderRunMonitor"/>,
/// which sees each event where it is published.
/// </summary>
public sealed class BootOrderMonitor : ReceiveActor
{
    private readonly ILoggingAdapter log = ActorLog.Of(Context);

    public BootOrderMonitor(bool dtlb)
    {
        var rules = new BootOrderRules(dtlb);
        ReceiveAny(happened =>
        {
            if (rules.Observe(happened, Context.Now) is { } violated)
            {
                log.Warning("Off++ rule broken in instance {InstanceId}: {Violation}", violated.InstanceId, violated.Message);
                Context.System.EventStream.Publish(violated);
            }
        });
    }

    public static Props Props(GuestOptions? options) => ProducedProps.Of(() => new BootOrderMonitor((options ?? GuestOptions.Default).Dtlb));

    /// <summary>
    /// Starts checking the guest events of <paramref name="system"/>: the monitor actor, subscribed to
    /// them, when it runs concurrently; a <see cref="BootOrderRunMonitor"/> on its driver when controlled.
    /// </summary>
    public static void Start(ActorSystem system, GuestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (ControlledDriver.TryGet(system) is { } driver)
        {
            driver.AddMonitor(new BootOrderRunMonitor(system, (options ?? GuestOptions.Default).Dtlb));
            return;
        }

#pragma warning disable AK1008 // Called from outside the actors (the hypervisor's handle), not by this actor: a top-level actor is meant.
        var monitor = system.ActorOf(Props(options), "boot-order-monitor");
#pragma warning restore AK1008
        foreach (var channel in BootOrderRules.Channels)
        {
            system.EventStream.Subscribe(monitor, channel);
        }
    }
}
