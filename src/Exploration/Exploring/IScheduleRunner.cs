using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Runs one schedule of a scenario on a controlled system it owns: a new run with the seed and the
/// strategy (<see cref="ControlledDriver.BeginRun"/>, or a power cycle), the scenario, then
/// <see cref="ControlledDriver.EndRun"/>. An exploration worker creates one and calls it from its own
/// thread only: a controlled system is driven from one thread, and runners share nothing.
/// </summary>
public interface IScheduleRunner : IDisposable
{
    ScheduleResult Run(ulong seed, ISchedulingStrategy strategy);
}
