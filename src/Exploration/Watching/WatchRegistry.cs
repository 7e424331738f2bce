using System.Runtime.CompilerServices;
using Akka.Actor;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// Maps an actor system to its <see cref="WatchSlot"/>. Weak: a terminated system and its slot are
/// collected together, and nothing here keeps a system alive.
/// </summary>
internal static class WatchRegistry
{
    private static readonly ConditionalWeakTable<ActorSystem, WatchSlot> Slots = new();

    /// <summary>Queues made without a system (Akka allows it) report to a slot no watch can attach to.</summary>
    private static readonly WatchSlot Unwatchable = new();

    public static WatchSlot SlotOf(ActorSystem? system) => system is null ? Unwatchable : Slots.GetValue(system, static _ => new WatchSlot());
}
