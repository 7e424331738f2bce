namespace ActorHyper.Exploration.Watching;

/// <summary>
/// What the hub's inbox holds: each record is its own link in the inbox (an intrusive queue), so the
/// inbox costs no storage of its own and gives back what it held as soon as the hub has taken it —
/// a queue of arrays would keep the capacity of its largest backlog for the rest of a soak.
/// </summary>
internal abstract class HubRecord
{
    /// <summary>The record handed after this one; written once by its producer, read by the hub.</summary>
    internal HubRecord? Next;
}
