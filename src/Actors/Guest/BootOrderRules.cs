using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware.Guest;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The Off++ boot-order rules applied to guest events in the order they happened: one
/// <see cref="BootOrderChecker"/> per instance, a fresh one at each launch. Shared by the monitor
/// actor (concurrent runs) and the run monitor (controlled runs), which differ only in how events reach them.
/// </summary>
internal sealed class BootOrderRules(bool dtlb)
{
    private readonly Dictionary<int, BootOrderChecker> checkers = [];

    /// <summary>The event types the rules read.</summary>
    public static IReadOnlyList<Type> Channels { get; } =
        [typeof(InstanceStateChanged), typeof(ServerIdTaken), typeof(GuestServerStarted), typeof(IdleShuttleTaken), typeof(SrvstartFinished)];

    /// <summary>The rule <paramref name="happened"/> breaks, as a violation event, or null.</summary>
    public GuestRuleViolated? Observe(object happened, TimeSpan now)
    {
        var (instance, violation) = happened switch
        {
            InstanceStateChanged { State: InstanceState.Allocating } changed => Launched(changed.InstanceId),
            ServerIdTaken e => (e.InstanceId, Checker(e.InstanceId).ServerIdTaken(e.Id, e.Processor, e.IsBootCore)),
            GuestServerStarted e => (e.InstanceId, Checker(e.InstanceId).ServerStarted(e.Entry, e.Id, e.Processor)),
            IdleShuttleTaken e => (e.InstanceId, Checker(e.InstanceId).IdleShuttleTaken(e.Processor)),
            SrvstartFinished e => (e.InstanceId, Checker(e.InstanceId).SrvstartFinished(e.Plan)),
            _ => (0, null),
        };
        return violation is null ? null : new GuestRuleViolated(now, ((HardwareEvent)happened).Unit, instance, violation);
    }

    private (int, string?) Launched(int instance)
    {
        checkers[instance] = new BootOrderChecker(dtlb);
        return (instance, null);
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
}
