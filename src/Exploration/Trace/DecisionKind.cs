namespace ActorHyper.Exploration.Trace;

/// <summary>What a decision picked: a held message, or a pending timer.</summary>
public enum DecisionKind
{
    Message,
    Timer,
}
