using System.Reflection;
using System.Text.RegularExpressions;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// The message a delivery carries, as a person reads it: Akka's actor timers (<c>IWithTimers</c>)
/// wrap what they deliver in an internal <c>TimerMsg</c>, which the actor never sees; its message is
/// what is shown and counted. Its text leaves out actor references' uids, which differ from run to run.
/// </summary>
public static partial class DeliveredMessage
{
    private static readonly Type? TimerMsg = typeof(Akka.Actor.ITimerScheduler).Assembly.GetType("Akka.Actor.Scheduler.TimerScheduler+TimerMsg");

    private static readonly PropertyInfo? TimerMsgMessage = TimerMsg?.GetProperty("Message", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary><paramref name="message"/>, or the message inside an actor timer's wrapper.</summary>
    public static object Unwrap(object message) =>
        message is not null && message.GetType() == TimerMsg && TimerMsgMessage?.GetValue(message) is { } inner ? inner : message!;

    /// <summary>The message's text (of the unwrapped message), actor references by path only: <c>[akka://sys/user/a]</c>, not <c>[akka://sys/user/a#1234]</c>.</summary>
    public static string Text(object message)
    {
        var text = Unwrap(message)?.ToString() ?? "";
        return text.Contains('#', StringComparison.Ordinal) ? Uid().Replace(text, "$1]") : text;
    }

    [GeneratedRegex(@"(\[akka(?:\.tcp)?://[^\]\s#]*)#-?\d+\]")]
    private static partial Regex Uid();
}
