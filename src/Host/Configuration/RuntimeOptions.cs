using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hocon;
using Microsoft.Extensions.Configuration;

namespace ActorHyper.Host.Configuration;

/// <summary><c>actorhyper.runtime</c>: how the actor system executes.</summary>
public sealed class RuntimeOptions
{
    /// <summary><c>concurrent</c> or <c>controlled</c>.</summary>
    public string Mode { get; set; } = "concurrent";

    public ulong Seed { get; set; }

    public int Throughput { get; set; }

    [ConfigurationKeyName("step-limit")]
    public long StepLimit { get; set; }

    /// <summary>Controlled mode's delivery order: <c>channel</c> (the chip) or <c>causal</c> (local Akka.NET).</summary>
    public string Delivery { get; set; } = "channel";

    /// <summary><c>due-order</c> or <c>any-order</c>.</summary>
    public string Timers { get; set; } = "due-order";

    /// <summary><c>clocked</c> or <c>uniform</c>.</summary>
    [ConfigurationKeyName("timer-race")]
    public string TimerRace { get; set; } = "clocked";

    /// <summary>A duration, or <c>none</c>.</summary>
    [ConfigurationKeyName("timer-horizon")]
    public string TimerHorizon { get; set; } = "10ms";

    /// <summary>Under the uniform race, timers that may fire early in a run.</summary>
    [ConfigurationKeyName("early-timers")]
    public int EarlyTimers { get; set; } = 3;

    [ConfigurationKeyName("step-time")]
    public HoconDuration StepTime { get; set; } = new(TimeSpan.FromTicks(10));

    /// <summary>The execution model these settings name; assumes <see cref="OptionsBinder.Bind"/> accepted them.</summary>
    public ExecutionModel Model
    {
        get
        {
            ExecutionModel.TryParseDelivery(Delivery, out var delivery);
            ExecutionModel.TryParseTimers(Timers, out var timers);
            ExecutionModel.TryParseRace(TimerRace, out var race);
            return new ExecutionModel
            {
                Delivery = delivery,
                Timers = timers,
                Race = race,
                Horizon = TimerHorizon == "none" ? null : HoconUnits.TryParseDuration(TimerHorizon, out var horizon, out _) ? horizon : null,
                StepTime = StepTime.Value,
                EarlyTimers = EarlyTimers,
            };
        }
    }

    public ExecutionMode ExecutionMode => Mode == "controlled" ? ExecutionMode.Controlled : ExecutionMode.Concurrent;
}
