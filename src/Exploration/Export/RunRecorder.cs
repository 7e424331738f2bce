using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;

namespace ActorHyper.Exploration.Export;

/// <summary>
/// One delivery of a recorded run: who received what from whom, when, and the step its message was
/// sent at (−1: unknown); for a timer, the actor it names as the message's sender (who set it, for
/// <c>ScheduleTellOnce(delay, to, message, Self)</c>), if any.
/// </summary>
public sealed record RecordedDelivery(long Step, TimeSpan Now, string Receiver, string Sender, string MessageType, string Text, bool IsTimer, long SentAtStep,
    string? TimerSender = null)
{
    /// <summary>The step the delivery follows from (<see cref="Delivery.CauseStep"/>): what a causal slice follows back.</summary>
    public long CauseStep { get; init; } = -1;

    /// <summary>The receiver had stopped: the message became a dead letter (<see cref="Delivery.IsDeadLetter"/>).</summary>
    public bool IsDeadLetter { get; init; }
}

/// <summary>
/// Records every delivery of a run, for exports (<see cref="ChromeTrace"/>, <see cref="MermaidSequence"/>):
/// a monitor that never fails. The step a message was sent at is what the strategy saw in the chosen
/// choice, so the run's strategy must be wrapped by <see cref="Wrap"/>; the wrapper chooses exactly
/// as the strategy it wraps. Keeps the whole run: meant for one replayed run, not for exploring.
/// </summary>
public sealed class RunRecorder : RunMonitor
{
    private readonly List<RecordedDelivery> _deliveries = [];
    private long _chosenStep = -1;
    private long _chosenSentAt = -1;
    private string? _chosenTimerSender;

    public override string Name => "run-recorder";

    public IReadOnlyList<RecordedDelivery> Deliveries => _deliveries;

    /// <summary><paramref name="strategy"/>, telling this recorder the send step of each choice it takes.</summary>
    public ISchedulingStrategy Wrap(ISchedulingStrategy strategy) => new Recording(this, strategy ?? throw new ArgumentNullException(nameof(strategy)));

    public override void OnRunStart()
    {
        _deliveries.Clear();
        _chosenStep = -1;
    }

    public override void OnDelivery(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = DeliveredMessage.Unwrap(delivery.Message);
        _deliveries.Add(new RecordedDelivery(delivery.Step, delivery.Now, delivery.Receiver, delivery.Sender, message.GetType().Name,
            DeliveredMessage.Text(message), delivery.IsTimer, _chosenStep == delivery.Step ? _chosenSentAt : -1,
            _chosenStep == delivery.Step ? _chosenTimerSender : null)
        {
            CauseStep = delivery.CauseStep,
            IsDeadLetter = delivery.IsDeadLetter,
        });
    }

    private sealed class Recording(RunRecorder recorder, ISchedulingStrategy inner) : ISchedulingStrategy
    {
        public string Name => inner.Name;

        public int Choose(IReadOnlyList<Choice> choices, long step)
        {
            var index = inner.Choose(choices, step);
            if ((uint)index < (uint)choices.Count)
            {
                recorder._chosenStep = step;
                recorder._chosenSentAt = choices[index].SentAtStep;
                recorder._chosenTimerSender = choices[index] is PendingTimer { SenderRef: { } sender } && sender is not (Nobody or DeadLetterActorRef)
                    ? sender.Path.ToStringWithoutAddress()
                    : null;
            }

            return index;
        }
    }
}
