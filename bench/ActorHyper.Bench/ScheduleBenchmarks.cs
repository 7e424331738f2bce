using ActorHyper.Bench.Toys;
using BenchmarkDotNet.Attributes;

namespace ActorHyper.Bench;

/// <summary>
/// Schedules per second of each toy under each contender, every schedule on fresh actors: Coyote's
/// systematic testing engine (random strategy) as the baseline of its category, ours (one controlled
/// Akka.NET system, <c>BeginRun</c> per schedule), and ours with the same actors created and
/// stopped but no message sent: the part of a schedule that is Akka's actor creation and stopping.
/// The Ratio column is ours per schedule over Coyote's; deliveries per second are the toy's
/// deliveries (<see cref="FanIn.Deliveries"/>, <see cref="Boot.Deliveries"/>) over the mean.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    /// <summary>Coyote takes milliseconds per schedule: this keeps one invocation near a second.</summary>
    public const int CoyoteSchedules = 100;

    public const int OurSchedules = 5_000;

    private OurContender _ours = null!;
    private uint _coyoteSeed;
    private ulong _ourSeed;

    [GlobalSetup]
    public void Setup()
    {
        _ours = new OurContender();
        _ours.Run(Toy.FanIn, 200, firstSeed: 0);
        _ours.Run(Toy.Boot, 200, firstSeed: 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _ours.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = CoyoteSchedules)]
    [BenchmarkCategory("fan-in")]
    public void CoyoteFanIn() => CoyoteContender.Run(Toy.FanIn, CoyoteSchedules, ++_coyoteSeed);

    [Benchmark(OperationsPerInvoke = OurSchedules)]
    [BenchmarkCategory("fan-in")]
    public long OursFanIn() => _ours.Run(Toy.FanIn, OurSchedules, NextSeeds());

    [Benchmark(OperationsPerInvoke = OurSchedules)]
    [BenchmarkCategory("fan-in")]
    public long OursFanInCreateStopOnly() => _ours.Run(Toy.FanIn, OurSchedules, NextSeeds(), messages: false);

    [Benchmark(Baseline = true, OperationsPerInvoke = CoyoteSchedules)]
    [BenchmarkCategory("boot")]
    public void CoyoteBoot() => CoyoteContender.Run(Toy.Boot, CoyoteSchedules, ++_coyoteSeed);

    [Benchmark(OperationsPerInvoke = OurSchedules)]
    [BenchmarkCategory("boot")]
    public long OursBoot() => _ours.Run(Toy.Boot, OurSchedules, NextSeeds());

    [Benchmark(OperationsPerInvoke = OurSchedules)]
    [BenchmarkCategory("boot")]
    public long OursBootCreateStopOnly() => _ours.Run(Toy.Boot, OurSchedules, NextSeeds(), messages: false);

    private ulong NextSeeds()
    {
        var first = _ourSeed;
        _ourSeed += OurSchedules;
        return first;
    }
}
