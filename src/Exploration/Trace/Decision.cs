namespace ActorHyper.Exploration.Trace;

/// <summary>
/// A decision by identity, never by position: the receiver's path, the sender's (or
/// <see cref="Choice.Outside"/>, or <see cref="Choice.TimerSender"/>), and the message's sequence number
/// in its channel (for a timer, its number among the receiver's timers). An edited list of these
/// still replays as far as its decisions name choices that exist.
/// </summary>
public readonly record struct Decision(DecisionKind Kind, string Receiver, string Sender, long Sequence)
{
    public override string ToString() => Kind == DecisionKind.Timer
        ? $"timer {Receiver} #{Sequence}"
        : $"{Receiver} <- {Sender} #{Sequence}";
}
