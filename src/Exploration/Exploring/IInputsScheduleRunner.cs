using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// A runner whose schedules have inputs besides decisions (<see cref="ScheduleInputs"/>: faults,
/// scenario commands) and that reports them in <see cref="ScheduleResult.Faults"/> and
/// <see cref="ScheduleResult.Commands"/>, so that shrinking can drop them too.
/// </summary>
public interface IInputsScheduleRunner : IScheduleRunner
{
    /// <summary>One schedule with exactly <paramref name="inputs"/>.</summary>
    ScheduleResult Run(ulong seed, ISchedulingStrategy strategy, ScheduleInputs inputs);
}
