using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ActorHyper.Runtime.Controlled;

/// <summary>
/// Stamps log events of a controlled run with <c>Step</c>, <c>VirtualTime</c> and both as <c>Clock</c>: wall time
/// means nothing there, and the step is what a replay can be stopped at.
/// </summary>
internal sealed class ControlledClockEnricher(ControlledScheduler scheduler) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var time = scheduler.Now.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + "ms";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Step", scheduler.Steps));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("VirtualTime", time));

        // Both in one, for text templates: "step 17 @1500.000ms".
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Clock", $"step {scheduler.Steps} @{time}"));
    }
}
