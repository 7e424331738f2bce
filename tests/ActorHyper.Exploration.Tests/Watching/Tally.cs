using System.Runtime.CompilerServices;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Counts what it handles into a shared counter, so a test knows when all has been handled.</summary>
internal sealed class Tally : UntypedActor
{
    private readonly StrongBox<int> _count;

    public Tally(StrongBox<int> count) => _count = count;

    protected override void OnReceive(object message) => Interlocked.Increment(ref _count.Value);
}
