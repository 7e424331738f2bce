using Akka.Actor;

namespace ActorHyper.Exploration.Runtime;

/// <summary>
/// Props that build their actor by calling a constructor, through a producer. Akka's expression form
/// (<c>Props.Create(() => new A(x))</c>) compiles each captured argument, tens of µs and a JIT compile
/// per Props, and its by-type forms find the constructor by reflection for every instance. Exploration
/// creates the actors afresh for every schedule, so their creation is on its hot path.
/// </summary>
public static class ProducedProps
{
    /// <summary>Props whose every incarnation (the first, and each restart) is <paramref name="make"/>().</summary>
    /// <remarks>
    /// Unlike <c>Props.Create(() => new A(Self))</c>, which evaluates <c>Self</c> where the Props are
    /// made, <paramref name="make"/> runs when the child is built, inside the child's own context:
    /// there an actor's <c>Self</c>, <c>Sender</c> and <c>Context</c> are the child's. Read them into a
    /// local first (<c>var parent = Self; ProducedProps.Of(() => new A(parent))</c>) or pass them with
    /// <see cref="Of{TArgument, TActor}"/>.
    /// </remarks>
    public static Props Of<TActor>(Func<TActor> make) where TActor : ActorBase =>
        Props.CreateBy(new Producer<TActor>(make ?? throw new ArgumentNullException(nameof(make))));

    /// <summary>
    /// Props whose every incarnation is <paramref name="make"/>(<paramref name="argument"/>), the
    /// argument taken where the Props are made, as <c>Props.Create</c> takes its arguments:
    /// <c>ProducedProps.Of(Self, parent => new Timer(parent))</c> hands the child its parent.
    /// </summary>
    public static Props Of<TArgument, TActor>(TArgument argument, Func<TArgument, TActor> make) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(make);
        return Props.CreateBy(new Producer<TActor>(() => make(argument)));
    }

    private sealed class Producer<TActor>(Func<TActor> make) : IIndirectActorProducer where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => make();

        public void Release(ActorBase actor)
        {
        }
    }
}
