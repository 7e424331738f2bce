namespace ActorHyper.Exploration.Coverage;

/// <summary>One (actor type, message type, state) seen at a delivery; the state is "-" when the actor names none.</summary>
public readonly record struct CoverageTriple(string Actor, string Message, string State) : IComparable<CoverageTriple>
{
    /// <summary>The state of an actor that names none (<see cref="IStateName"/>, Akka's <c>FSM</c>).</summary>
    public const string NoState = "-";

    public int CompareTo(CoverageTriple other)
    {
        var byActor = string.CompareOrdinal(Actor, other.Actor);
        if (byActor != 0)
        {
            return byActor;
        }

        var byMessage = string.CompareOrdinal(Message, other.Message);
        return byMessage != 0 ? byMessage : string.CompareOrdinal(State, other.State);
    }

    public override string ToString() => $"{Actor} × {Message} × {State}";
}
