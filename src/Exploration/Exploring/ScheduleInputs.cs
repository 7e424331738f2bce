namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// What a schedule runs with besides its decisions, as items the engine can keep or drop without
/// knowing what they are (shrinking does): the faults to inject, by the runner's own names (null:
/// the runner draws them as configured), and the indices of the scenario's commands to issue (null: all).
/// </summary>
public sealed record ScheduleInputs(IReadOnlyList<string>? Faults, IReadOnlyList<int>? Commands)
{
    /// <summary>Faults as configured, every command: what an exploration's schedule runs with.</summary>
    public static ScheduleInputs AsConfigured { get; } = new(null, null);

    /// <summary>Exactly what <paramref name="result"/> ran with: its injected faults and its commands.</summary>
    public static ScheduleInputs Of(ScheduleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ScheduleInputs(result.Faults, result.Commands);
    }
}
