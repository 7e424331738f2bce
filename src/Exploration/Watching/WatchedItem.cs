namespace ActorHyper.Exploration.Watching;

/// <summary>
/// One thing the hub saw, as text: a delivery (<see cref="Receiver"/> ← <see cref="Sender"/>) or
/// a published event. <see cref="Sequence"/> is the hub's count, the same as the step of the
/// <see cref="Monitors.Delivery"/> monitors were shown.
/// </summary>
public sealed record WatchedItem(long Sequence, TimeSpan At, bool IsEvent, string Receiver, string Sender, string Text)
{
    /// <summary>Longest text kept: a message holding a list can print for pages.</summary>
    public const int TextLimit = 240;

    /// <summary>The message's text (an actor timer's message unwrapped, actor references without uids), cut at <see cref="TextLimit"/>.</summary>
    internal static string TextOf(object message)
    {
        string text;
        try
        {
            text = Driver.DeliveredMessage.Text(message);
        }
        catch (Exception e)
        {
            // A message's ToString is the machine's code: it must not take the story down with it.
            text = $"({message.GetType().Name}.ToString threw {e.GetType().Name})";
        }

        return text.Length <= TextLimit ? text : string.Concat(text.AsSpan(0, TextLimit - 1), "…");
    }

    public override string ToString() =>
        IsEvent ? $"#{Sequence} {At.TotalMilliseconds:F1}ms event {Sender}: {Text}" : $"#{Sequence} {At.TotalMilliseconds:F1}ms {Receiver} ← {Sender}: {Text}";
}
