using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Shell;
using Akka.Actor;
using Serilog;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// Runs schedules of a scenario on one controlled machine, built once: per schedule, a power cycle
/// with the seed and the strategy, the scenario's lines (the commands of a line typed at once), the
/// rest of the run until nothing can happen, then the end of the run (liveness monitors judge it).
/// A violation (<see cref="ControlledDriver.Failure"/>) ends the scenario where it happened.
/// </summary>
internal sealed class MachineScheduleRunner : IScheduleRunner, IStateDigest
{
    /// <summary>Deliveries a violation's story shows.</summary>
    private const int StoryLength = 20;

    private readonly HypervisorSession _session;
    private readonly ControlledDriver _driver;
    private readonly Scenario _scenario;
    private readonly RecentDeliveries _story = new(StoryLength);
    private readonly CoverageMonitor _coverage = new();

    /// <summary>Where the scenario is: 0 while the machine powers on, i + 1 while line i is answered, past the lines the rest of the run.</summary>
    private int _position;

    /// <param name="extraMonitors">Monitors of the caller's (tests), added to the machine's own.</param>
    public MachineScheduleRunner(ActorHyperOptions options, ILogger logger, Scenario scenario, IReadOnlyList<RunMonitor>? extraMonitors = null)
    {
        _scenario = scenario;
        _session = HypervisorSession.Start(options, logger);
        _driver = _session.Driver ?? throw new InvalidOperationException("an exploration runs a controlled machine");
        foreach (var monitor in extraMonitors ?? [])
        {
            _driver.AddMonitor(monitor);
        }

        _driver.AddMonitor(_coverage);
        _driver.AddMonitor(_story);
        // What the scenario will type next is part of the run's state, as the actors' are.
        _driver.AddStateSource(this);
    }

    public ControlledDriver Driver => _driver;

    public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy)
    {
        _position = 0;
        try
        {
            _session.PowerCycle(seed, strategy);
        }
        catch (Exception e) when ((e is SessionFailedException or AskTimeoutException) && (_driver.Failure is not null || _driver.IsPruned))
        {
            // A violation before the shell ran: a schedule like any other that failed (or one a search ended there).
            return Result(_driver.IsPruned ? RunOutcome.Pruned : RunOutcome.Failed);
        }

        foreach (var line in _scenario.Lines)
        {
            _position++;
            if (line.Count == 1)
            {
                _session.Execute(line[0]);
            }
            else
            {
                _session.ExecuteTogether(line);
            }

            if (_driver.Failure is not null || _driver.IsPruned || _driver.Steps >= _driver.StepLimit)
            {
                break;
            }
        }

        _position = _scenario.Lines.Count + 1;
        return Result(_driver.EndRun(_driver.RunUntilQuiescent()));
    }

    private ScheduleResult Result(RunOutcome outcome) =>
        ScheduleResult.From(_driver, outcome, _driver.Failure is null ? null : _story.Story()) with { Coverage = _coverage.Triples() };

    public ulong StateDigest() => (ulong)_position;

    public void Dispose() => _session.Dispose();
}
