using ActorHyper.Runtime;
using BenchmarkDotNet.Attributes;

namespace ActorHyper.Bench;

/// <summary>
/// Controlled mode on one thread: deliveries per second of a ping-pong driven by the random
/// strategy (trace hash and decision log on), against a bare queue-and-dispatch loop as the floor.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class ControlledBenchmarks
{
    public const int Deliveries = 1_000_000;
    private static readonly object Ball = new();

    [Benchmark(OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("controlled")]
    public long ControlledPingPong()
    {
        var system = ActorSystem.Create("bench", ActorSystemSettings.Controlled(seed: 1));
        var left = Deliveries;
        var players = new IActorRef[2];
        players[0] = system.ActorOf(Props.Create(() => new Player(() => players[1], () => --left <= 0)));
        players[1] = system.ActorOf(Props.Create(() => new Player(() => players[0], () => --left <= 0)));
        players[0].Tell(Ball);
        system.Controlled.RunUntilQuiescent();
        return system.Controlled.Steps;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("controlled")]
    public long QueueLoop()
    {
        var queue = new Queue<(int To, object Message)>();
        var left = Deliveries;
        queue.Enqueue((0, Ball));
        long handled = 0;
        while (queue.TryDequeue(out var item))
        {
            handled++;
            if (--left > 0)
            {
                queue.Enqueue((1 - item.To, item.Message));
            }
        }

        return handled;
    }

    private sealed class Player(Func<IActorRef> other, Func<bool> last) : ActorBase
    {
        protected override bool Receive(object message)
        {
            if (!last())
            {
                other().Tell(message, Self);
            }

            return true;
        }
    }
}
