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
    public static Props Of<TActor>(Func<TActor> make) where TActor : ActorBase =>
        Props.CreateBy(new Producer<TActor>(make ?? throw new ArgumentNullException(nameof(make))));

    private sealed class Producer<TActor>(Func<TActor> make) : IIndirectActorProducer where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => make();

        public void Release(ActorBase actor)
        {
        }
    }
}
