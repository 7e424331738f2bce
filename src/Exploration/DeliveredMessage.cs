using System.Reflection;

namespace ActorHyper.Exploration;

/// <summary>
/// The message a delivery carries, as a person reads it: Akka's actor timers (<c>IWithTimers</c>)
/// wrap what they deliver in an internal <c>TimerMsg</c>, which the actor never sees; its message is
/// what is shown and counted.
/// </summary>
public static class DeliveredMessage
{
    private static readonly Type? TimerMsg = typeof(Akka.Actor.ITimerScheduler).Assembly.GetType("Akka.Actor.Scheduler.TimerScheduler+TimerMsg");

    private static readonly PropertyInfo? TimerMsgMessage = TimerMsg?.GetProperty("Message", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary><paramref name="message"/>, or the message inside an actor timer's wrapper.</summary>
    public static object Unwrap(object message) =>
        message is not null && message.GetType() == TimerMsg && TimerMsgMessage?.GetValue(message) is { } inner ? inner : message!;
}
