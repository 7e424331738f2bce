using BenchmarkDotNet.Attributes;

namespace ActorHyper.Bench;

/// <summary>
/// Controlled mode on one thread: deliveries per second of a ping-pong between two unchanged
/// Akka.NET actors, driven by the random strategy with the trace hash and decision log on, against
/// a bare queue-and-dispatch loop as the floor.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class ControlledBenchmarks
{
    public const int Deliveries = 1_000_000;

    private OurContender _ours = null!;
    private ulong _seed;

    [GlobalSetup(Target = nameof(ControlledPingPong))]
    public void Setup()
    {
        _ours = new OurContender();
        _ours.PingPong(10_000, seed: 0);
    }

    [GlobalCleanup(Target = nameof(ControlledPingPong))]
    public void Cleanup() => _ours.Dispose();

    [Benchmark(OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("controlled")]
    public long ControlledPingPong() => _ours.PingPong(Deliveries, ++_seed);

    [Benchmark(Baseline = true, OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("controlled")]
    public long QueueLoop() => RunQueueLoop(Deliveries);

    /// <summary>Two parties, one queue, one ball: what a delivery costs with no runtime at all.</summary>
    public static long RunQueueLoop(int deliveries)
    {
        var queue = new Queue<(int To, object Message)>();
        var left = deliveries;
        queue.Enqueue((0, OurContender.Ball.Instance));
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
}
