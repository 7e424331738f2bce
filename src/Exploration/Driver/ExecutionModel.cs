using System.Globalization;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// What the controlled driver takes the system to be: how much virtual time a delivery costs, how
/// timers compete with messages, and which orders of the held messages are possible. Every value is
/// stated in an exploration's report, since the same seed under another model is another run.
/// </summary>
public sealed record ExecutionModel
{
    /// <summary>Virtual time each step costs: a busy loop of self-messages moves the clock, so its timers come due.</summary>
    public TimeSpan StepTime { get; init; } = TimeSpan.FromTicks(10);

    public TimerOrder Timers { get; init; } = TimerOrder.DueOrder;

    public TimerRace Race { get; init; } = TimerRace.Uniform;

    /// <summary>
    /// Timers due further ahead than this wait until they are due, or until nothing else can happen;
    /// null: every pending timer races the messages.
    /// </summary>
    public TimeSpan? Horizon { get; init; }

    public DeliveryOrder Delivery { get; init; } = DeliveryOrder.Causal;

    /// <summary>
    /// Under the uniform race, how many timers may fire ahead of their due time in one run; then a
    /// timer waits until it is due (work moves the clock) or nothing else can happen. Without a bound
    /// a retry loop whose timeout keeps beating its reply would never end: every early timeout adds
    /// a request to the queue the reply waits behind.
    /// </summary>
    public int EarlyTimers { get; init; } = 3;

    /// <summary>Local Akka.NET actors: causal delivery, timers in due order racing every message.</summary>
    public static ExecutionModel LocalActors { get; } = new();

    /// <summary>
    /// The chip: per-channel FIFO (its network's only guarantee), timers on a clock (a 1 µs step, a
    /// 10 ms horizon): a boot of thousands of deliveries takes milliseconds, and a 10 s watchdog that
    /// fired during it would be a fault of the model, not of the protocol.
    /// </summary>
    public static ExecutionModel Chip { get; } = new()
    {
        Race = TimerRace.Clocked,
        Horizon = TimeSpan.FromMilliseconds(10),
        Delivery = DeliveryOrder.Channel,
    };

    public static string NameOf(TimerOrder order) => order == TimerOrder.DueOrder ? "due-order" : "any-order";

    public static string NameOf(TimerRace race) => race == TimerRace.Uniform ? "uniform" : "clocked";

    public static string NameOf(DeliveryOrder delivery) => delivery == DeliveryOrder.Causal ? "causal" : "channel";

    public static bool TryParseTimers(string? text, out TimerOrder order) => TryParse(text, [TimerOrder.DueOrder, TimerOrder.AnyOrder], NameOf, out order);

    public static bool TryParseRace(string? text, out TimerRace race) => TryParse(text, [TimerRace.Uniform, TimerRace.Clocked], NameOf, out race);

    public static bool TryParseDelivery(string? text, out DeliveryOrder delivery) => TryParse(text, [DeliveryOrder.Causal, DeliveryOrder.Channel], NameOf, out delivery);

    /// <summary>One line for reports: <c>delivery causal, timers due-order (uniform race, no horizon), step 1 µs</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"delivery {NameOf(Delivery)}, timers {NameOf(Timers)} ({NameOf(Race)} race{(Race == TimerRace.Uniform ? $", at most {EarlyTimers} early a run" : "")}, {(Horizon is { } h ? $"horizon {Duration(h)}" : "no horizon")}), step {Duration(StepTime)}");

    /// <summary>A duration as the report writes it: <c>1 ms</c>, or <c>200 µs</c> below whole milliseconds.</summary>
    public static string Duration(TimeSpan span) => span.Ticks % TimeSpan.TicksPerMillisecond == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0.###} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMicroseconds:0.###} µs");

    private static bool TryParse<T>(string? text, T[] values, Func<T, string> name, out T value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
