namespace ActorHyper.Exploration.Watching;

/// <summary>
/// An invariant a monitor found broken on real threads: its name, the reason, when (wall time since
/// the watch started) and the story, the last items the hub saw, oldest first (the offending one last
/// when a delivery or event broke it).
/// </summary>
public sealed record WatchedViolation(string Invariant, string Reason, TimeSpan At, IReadOnlyList<WatchedItem> Recent)
{
    public override string ToString() => $"{Invariant}: {Reason} (at {At.TotalMilliseconds:F1}ms, {Recent.Count} items of story)";
}
