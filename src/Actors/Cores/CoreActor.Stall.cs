using ActorHyper.Actors.Events;
using ActorHyper.Actors.Faults;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Faults;
using Akka.Actor;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// The injected core stall (<see cref="FaultKind.CoreStall"/>): a core that stalls keeps every
/// message aside, the one it stalled on first, until its stall timer fires (virtual time when
/// controlled), then takes them in the order they came. A power-off ends a stall and drops what it kept.
/// </summary>
public sealed partial class CoreActor
{
    /// <summary>The stall in progress (0: none), matched against its timer's message.</summary>
    private long stall;
    private long stalls;
    private ICancelable? stallTimer;
    private FaultInjector? injector;

    protected override bool AroundReceive(Receive receive, object message)
    {
        switch (message)
        {
            case StallOver over:
                if (stall != 0 && over.Stall == stall)
                {
                    stall = 0;
                    stallTimer = null;
                    Stash.UnstashAll();
                }
                return true;
            case PowerOffUnit:
                if (stall != 0)
                {
                    stall = 0;
                    stallTimer?.Cancel();
                    stallTimer = null;
                    Stash.ClearStash();
                }
                // Numbered from 1 in every run, as built: the timer messages' contents are the same in every run.
                stalls = 0;
                return base.AroundReceive(receive, message);
        }
        if (stall != 0)
        {
            Stash.Stash();
            return true;
        }
        // The site is named only when armed: a run without faults pays one check per message.
        if (IsWired && (injector ??= FaultInjector.For(Context.System)).IsArmed
            && injector.Decide(FaultPoint.CoreMessage, FaultInjector.CoreSite(core.Cluster, core.Index)) is { } fault)
        {
            stall = ++stalls;
            Publish(new FaultInjected(Context.Now, Unit, fault));
            stallTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(fault.Duration, Self, new StallOver(stall), Self);
            Stash.Stash();
            return true;
        }
        return base.AroundReceive(receive, message);
    }
}
