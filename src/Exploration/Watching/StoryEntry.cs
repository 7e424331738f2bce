namespace ActorHyper.Exploration.Watching;

/// <summary>One item of the story as the hub keeps it: the message by reference; its text is made only if a violation tells the story.</summary>
internal readonly record struct StoryEntry(long Sequence, TimeSpan At, bool IsEvent, string Receiver, string Sender, object Message)
{
    public WatchedItem ToItem() => new(Sequence, At, IsEvent, Receiver, Sender, WatchedItem.TextOf(Message));
}
