using Akka.Event;

namespace ActorHyper.Exploration.Watching;

/// <summary>How a <see cref="RealThreadWatch"/> watches.</summary>
public sealed class WatchOptions
{
    /// <summary>The event-stream classes monitors may be shown (then each event as <see cref="Monitors.RunMonitor.WantsEvent"/> says).</summary>
    public IReadOnlyList<Type> EventTypes { get; init; } = [typeof(object)];

    /// <summary>How many of the last items the hub saw a violation tells as its story.</summary>
    public int StoryLength { get; init; } = 200;

    /// <summary>Called on the hub's thread for each violation, as it is found.</summary>
    public Action<WatchedViolation>? OnViolation { get; init; }

    /// <summary>Which dead letters the host expects (stopping actors lose messages by design); called on the hub's thread.</summary>
    public Func<DeadLetter, bool>? IsExpectedDeadLetter { get; init; }

    /// <summary>How long <see cref="RealThreadWatch.Judge"/> waits for the hub before it gives up.</summary>
    public TimeSpan JudgeTimeout { get; init; } = TimeSpan.FromMinutes(1);
}
