using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Actors.Monitors;

/// <summary>DESIGN.md §7: an instance's frame-buffer channel has its TTY channel's index. Checked at every allocation.</summary>
public sealed class FbMatchesTtyMonitor : RunMonitor, IStateDigest
{
    public override string Name => "fb-matches-tty";

    /// <summary>It keeps nothing: each allocation is judged alone.</summary>
    public ulong StateDigest() => 0;

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(ResourcesAllocated)]);

    public override void OnEvent(object published)
    {
        if (published is ResourcesAllocated { Allocation: var allocation } && allocation.FbChannel != allocation.TtyChannel)
        {
            Fail($"instance {allocation.InstanceId} got FB channel {allocation.FbChannel} with TTY channel {allocation.TtyChannel}: " +
                 "the frame buffer must have the terminal's index");
        }
    }
}
