using ActorHyper.Actors.Guest;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// The Off++ boot-order rules (<see cref="BootOrderRules"/>) in a controlled run: sees each guest
/// event where it is published, so the order it checks is the order things happened in, whatever
/// order the run then delivers events in. A broken rule is logged and published as
/// <see cref="Events.GuestRuleViolated"/>, as the concurrent monitor does; the run goes on.
/// </summary>
public sealed class BootOrderRunMonitor : RunMonitor, IStateDigest
{
    private readonly ActorSystem system;
    private readonly bool dtlb;
    private readonly ILoggingAdapter log;
    private BootOrderRules rules;

    /// <summary>The guest events the rules have read this run, in order: the rules' state is a function of them.</summary>
    private readonly List<object> read = [];

    /// <summary>The digest of the first <see cref="digested"/> events of <see cref="read"/>: folded only when asked (a dfs search asks; the other strategies never do).</summary>
    private ulong history = StableHash.Offset;
    private int digested;

    public BootOrderRunMonitor(ActorSystem system, bool dtlb)
    {
        ArgumentNullException.ThrowIfNull(system);
        this.system = system;
        this.dtlb = dtlb;
        rules = new BootOrderRules(dtlb);
        log = Logging.GetLogger(system, "/user/boot-order-monitor");
    }

    public override string Name => "boot-order";

    public override void OnRunStart()
    {
        rules = new BootOrderRules(dtlb);
        read.Clear();
        history = StableHash.Offset;
        digested = 0;
    }

    public ulong StateDigest()
    {
        for (; digested < read.Count; digested++)
        {
            history = StableHash.Add(history, MessageDigest.Of(read[digested]));
        }

        return history;
    }

    public override bool WantsEvent(Type eventType) => EventInterest.Any(eventType, BootOrderRules.Channels);

    public override void OnEvent(object published)
    {
        ArgumentNullException.ThrowIfNull(published);
        // The driver shows only these; a caller that shows every event gets the same history.
        if (BootOrderRules.Channels.Contains(published.GetType()))
        {
            read.Add(published);
        }

        if (rules.Observe(published, system.Now) is { } violated)
        {
            log.Warning("Off++ rule broken in instance {InstanceId}: {Violation}", violated.InstanceId, violated.Message);
            system.EventStream.Publish(violated);
            Fail($"Off++ rule broken in instance {violated.InstanceId}: {violated.Message}");
        }
    }
}
