using ActorHyper.Actors.Faults;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Faults;
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
/// Faults: drawn by the spec from the run's seed, or exactly the ones a <see cref="ScheduleInputs"/>
/// names (a replay, a shrinking candidate), machine faults by <see cref="InjectedFault.Text"/> and
/// typed commands by <see cref="CommandAtStep.Text"/>. The scenario's commands are numbered from 0
/// across its lines; inputs may keep only some of them.
/// </summary>
internal sealed class MachineScheduleRunner : IInputsScheduleRunner, IStateDigest
{
    private readonly HypervisorSession _session;
    private readonly ControlledDriver _driver;
    private readonly Scenario _scenario;
    private readonly FaultSpec _faults;
    private readonly FaultInjector _injector;
    private readonly CausalStory _story = new();
    private readonly CoverageMonitor _coverage = new();
    private readonly DeadLetterMonitor _deadLetters = new();

    /// <summary>Where the scenario is: 0 while the machine powers on, i + 1 while line i is answered, past the lines the rest of the run.</summary>
    private int _position;

    private readonly IReadOnlyList<int> _allCommands;

    /// <param name="extraMonitors">Monitors of the caller's (tests), added to the machine's own.</param>
    /// <param name="faults">The faults schedules draw when their inputs do not name them (none: <see cref="FaultSpec.None"/>).</param>
    public MachineScheduleRunner(ActorHyperOptions options, ILogger logger, Scenario scenario, IReadOnlyList<RunMonitor>? extraMonitors = null,
        FaultSpec? faults = null)
    {
        _scenario = scenario;
        _faults = faults ?? FaultSpec.None;
        _allCommands = [.. Enumerable.Range(0, scenario.Lines.Sum(static line => line.Count))];
        _session = HypervisorSession.Start(options, logger);
        _driver = _session.Driver ?? throw new InvalidOperationException("an exploration runs a controlled machine");
        _injector = FaultInjector.For(_session.System);
        foreach (var monitor in extraMonitors ?? [])
        {
            _driver.AddMonitor(monitor);
        }

        // The machine allows no crash and no unhandled message: each is a finding; dead letters are counted.
        _driver.AddMonitor(new CrashMonitor(_session.System));
        _driver.AddMonitor(new UnhandledMonitor());
        _driver.AddMonitor(_deadLetters);
        _driver.AddMonitor(_coverage);
        _driver.AddMonitor(_story);
        // What the scenario will type next is part of the run's state, as the actors' are.
        _driver.AddStateSource(this);
    }

    public ControlledDriver Driver => _driver;

    public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy) => Run(seed, strategy, ScheduleInputs.AsConfigured);

    /// <exception cref="ArgumentException">An input names a fault that is not one (a trace's: checked by <see cref="CheckFaults"/> first).</exception>
    public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy, ScheduleInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // What the last run (or the machine's start) left in flight is delivered before faults are
        // armed, so that opportunities are counted from this run's first step (a power cycle would
        // deliver it first thing anyway).
        _driver.RunUntilQuiescent();
        IReadOnlyList<CommandAtStep> typedAt;
        if (inputs.Faults is null)
        {
            _injector.Arm(_faults.Rules, seed);
            typedAt = _faults.Commands;
        }
        else
        {
            var (machine, commands) = Split(inputs.Faults);
            _injector.ArmPlan(machine);
            typedAt = commands;
        }

        var kept = inputs.Commands ?? _allCommands;
        var typed = new List<CommandAtStep>();
        try
        {
            return RunArmed(seed, strategy, kept, typedAt, typed);
        }
        finally
        {
            _injector.Disarm();
        }
    }

    /// <summary>The problem with a trace's fault items, or null: each is a machine fault or a typed command.</summary>
    public static string? CheckFaults(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            var problem = items[i].StartsWith("command@", StringComparison.Ordinal)
                ? FaultSpecParser.Command(items[i]).Problem
                : InjectedFault.TryParse(items[i], out _, out var wrong) ? null : wrong;
            if (problem is not null)
            {
                return $"[{i}]: {problem}";
            }
        }

        return null;
    }

    private ScheduleResult RunArmed(ulong seed, ISchedulingStrategy strategy, IReadOnlyList<int> kept, IReadOnlyList<CommandAtStep> typedAt,
        List<CommandAtStep> typed)
    {
        _position = 0;
        try
        {
            _session.PowerCycle(seed, strategy);
        }
        catch (Exception e) when ((e is SessionFailedException or AskTimeoutException) && (_driver.Failure is not null || _driver.IsPruned))
        {
            // A violation before the shell ran: a schedule like any other that failed (or one a search ended there).
            return Result(_driver.IsPruned ? RunOutcome.Pruned : RunOutcome.Failed, kept, typed);
        }

        foreach (var command in typedAt)
        {
            _driver.AtStep(command.Step, () =>
            {
                typed.Add(command);
                _session.Type(command.Command);
            });
        }

        var keep = kept.ToHashSet();
        var index = 0;
        foreach (var line in _scenario.Lines)
        {
            _position++;
            var commands = line.Where(_ => keep.Contains(index++)).ToList();
            if (commands.Count == 1)
            {
                _session.Execute(commands[0]);
            }
            else if (commands.Count > 1)
            {
                _session.ExecuteTogether(commands);
            }

            if (_driver.Failure is not null || _driver.IsPruned || _driver.Steps >= _driver.StepLimit)
            {
                break;
            }
        }

        _position = _scenario.Lines.Count + 1;
        var outcome = _driver.RunUntilQuiescent();
        // A command whose step did not come before the run went quiet is typed then.
        while (outcome == RunOutcome.Quiescent && _driver.RunPendingAtStep())
        {
            outcome = _driver.RunUntilQuiescent();
        }

        return Result(_driver.EndRun(outcome), kept, typed);
    }

    private ScheduleResult Result(RunOutcome outcome, IReadOnlyList<int> kept, List<CommandAtStep> typed) =>
        ScheduleResult.From(_driver, outcome, _driver.Failure is null ? null : _story.Story(_driver)) with
        {
            Faults = [.. _injector.Injected.Select(static fault => fault.Text).Concat(typed.Select(static command => command.Text))],
            Commands = [.. kept],
            Coverage = _coverage.Triples(),
            DeadLetters = _deadLetters.Count,
        };

    public ulong StateDigest() => (ulong)_position;

    private static (List<InjectedFault> Machine, List<CommandAtStep> Commands) Split(IReadOnlyList<string> items)
    {
        var machine = new List<InjectedFault>();
        var commands = new List<CommandAtStep>();
        foreach (var item in items)
        {
            if (item.StartsWith("command@", StringComparison.Ordinal))
            {
                commands.Add(FaultSpecParser.Command(item).Command ?? throw new ArgumentException($"not a typed command: {item}", nameof(items)));
            }
            else
            {
                machine.Add(InjectedFault.TryParse(item, out var fault, out var problem) ? fault! : throw new ArgumentException(problem, nameof(items)));
            }
        }

        return (machine, commands);
    }

    public void Dispose() => _session.Dispose();
}
