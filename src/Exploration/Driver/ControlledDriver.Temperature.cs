using System.Globalization;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Hot monitors (<see cref="RunMonitor.IsHot"/>): after every step of a run each monitor that can
/// be hot is asked, and one that stays hot for more than <see cref="HotStepLimit"/> steps or
/// <see cref="HotTimeLimit"/> of virtual time fails the run. Monitors that never run hot cost nothing.
/// </summary>
public sealed partial class ControlledDriver
{
    /// <summary>The monitors that override <see cref="RunMonitor.IsHot"/>, with the step and time each went hot (-1: cold).</summary>
    private readonly List<(RunMonitor Monitor, long Since, TimeSpan SinceTime)> _temperatures = [];

    /// <summary>A monitor hot for more steps than this fails the run (null: no bound in steps).</summary>
    public long? HotStepLimit { get; set; } = 50_000;

    /// <summary>A monitor hot for more virtual time than this fails the run (null: no bound in time).</summary>
    public TimeSpan? HotTimeLimit { get; set; }

    private void AddTemperature(RunMonitor monitor)
    {
        if (Overrides(monitor, "get_" + nameof(RunMonitor.IsHot)))
        {
            _temperatures.Add((monitor, -1, TimeSpan.Zero));
        }
    }

    /// <summary>After a step: who went hot, who cooled, and who has been hot too long.</summary>
    private void CheckTemperatures()
    {
        for (var i = 0; i < _temperatures.Count; i++)
        {
            var (monitor, since, sinceTime) = _temperatures[i];
            if (!monitor.IsHot)
            {
                _temperatures[i] = (monitor, -1, TimeSpan.Zero);
                continue;
            }

            if (since < 0)
            {
                _temperatures[i] = (monitor, Steps, _now);
                continue;
            }

            var steps = Steps - since;
            var time = _now - sinceTime;
            if ((HotStepLimit is { } stepLimit && steps > stepLimit) || (HotTimeLimit is { } timeLimit && time > timeLimit))
            {
                Failure ??= new RunFailure(monitor.Name, string.Create(CultureInfo.InvariantCulture,
                    $"liveness: hot for {steps:N0} steps ({time.TotalMilliseconds:0.###} ms of virtual time) since step {since}: {monitor.HotReason}"), Steps, _now);
            }
        }
    }

    private void ResetTemperatures()
    {
        for (var i = 0; i < _temperatures.Count; i++)
        {
            _temperatures[i] = (_temperatures[i].Monitor, -1, TimeSpan.Zero);
        }
    }
}
