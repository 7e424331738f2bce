namespace ActorHyper.Actors.Monitors;

/// <summary>
/// How a monitor says which events it reads (<see cref="Exploration.RunMonitor.WantsEvent"/>): the
/// types its own checks match and those its books apply. An event type is wanted when it is one of
/// them or derives from one, so a monitor sees every event its <c>switch</c> could match.
/// </summary>
internal static class EventInterest
{
    public static bool Any(Type eventType, params IReadOnlyList<Type>[] sets)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(sets);
        return sets.Any(set => set.Any(type => type.IsAssignableFrom(eventType)));
    }
}
