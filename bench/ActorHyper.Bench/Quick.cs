using System.Diagnostics;
using System.Globalization;

namespace ActorHyper.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/ActorHyper.Bench -- quick [rounds]</c>: each measurement
/// is warmed up, then timed <c>rounds</c> times (5 unless given) and the best round is printed, one
/// line per measurement. Best, not mean: the machine is shared, and interference only ever slows.
/// </summary>
public static class Quick
{
    public const int CoyoteSchedules = 100;
    public const int OurSchedules = 2_000;
    public const int PingPongDeliveries = 1_000_000;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rounds = BenchArgs.Count(args, 0, "quick: the number of rounds", 5);
        var total = Stopwatch.StartNew();
        var missed = 0;
        using var ours = new OurContender("quick");
        Print($"quick: best of {rounds} rounds; .NET {Environment.Version}, {Environment.ProcessorCount} cores; " +
              $"Coyote {CoyoteSchedules} schedules a round, ours {OurSchedules:N0}");

        foreach (var (toy, target) in new[] { (Toy.FanIn, 25.0), (Toy.Boot, 50.0) })
        {
            // Warm-up: JIT, Coyote's engine, Akka's first actors of these types.
            CoyoteContender.Run(toy, 10, seed: 1);
            ours.Run(toy, 200, firstSeed: 1);
            ours.Run(toy, 200, firstSeed: 1, messages: false);

            var coyote = Best(rounds, CoyoteSchedules, () => CoyoteContender.Run(toy, CoyoteSchedules, seed: 7));
            long deliveries = 0;
            var full = Best(rounds, OurSchedules, () => deliveries = ours.Run(toy, OurSchedules, firstSeed: 1_000));
            var bare = Best(rounds, OurSchedules, () => ours.Run(toy, OurSchedules, firstSeed: 1_000, messages: false));

            var perSchedule = deliveries / (double)OurSchedules;
            var fullUs = 1e6 / full;
            var bareUs = 1e6 / bare;
            var messagesUs = Math.Max(0, fullUs - bareUs);
            var ratio = full / coyote;
            missed += ratio >= target ? 0 : 1;
            Print($"{toy.Name,-7} coyote                {coyote,10:N0} schedules/s  {1e6 / coyote,9:N0} us/schedule");
            Print($"{toy.Name,-7} ours                  {full,10:N0} schedules/s  {fullUs,9:N1} us/schedule  {ratio,6:N1}x coyote (target >= {target:N0}x: {(ratio >= target ? "met" : "MISSED")})");
            Print($"{toy.Name,-7} ours, create+stop     {bare,10:N0} schedules/s  {bareUs,9:N1} us/schedule  ({toy.AkkaActors} actors, no message: {bareUs / toy.AkkaActors:N2} us/actor)");
            Print($"{toy.Name,-7} ours, messages        {perSchedule * full,10:N0} deliveries/s overall; the {perSchedule:N0} sends+deliveries of a schedule: {messagesUs:N1} us, {messagesUs * 1000 / perSchedule:N0} ns each");
        }

        ours.PingPong(100_000, seed: 1);
        long steps = 0;
        var pingPong = Best(rounds, PingPongDeliveries, () => steps = ours.PingPong(PingPongDeliveries, seed: 2));
        var loop = Best(rounds, PingPongDeliveries, () => ControlledBenchmarks.RunQueueLoop(PingPongDeliveries));
        missed += pingPong >= 1e6 ? 0 : 1;
        Print($"ping-pong controlled    {pingPong,12:N0} deliveries/s  {1e9 / pingPong,6:N0} ns/delivery ({steps:N0} steps, one thread; target >= 1,000,000/s: {(pingPong >= 1e6 ? "met" : "MISSED")})");
        Print($"ping-pong queue loop    {loop,12:N0} deliveries/s  {1e9 / loop,6:N1} ns/delivery (the floor)");
        var concurrent = ConcurrentPingPong(rounds);
        Print($"ping-pong concurrent    {concurrent,12:N0} deliveries/s  {1e9 / concurrent,6:N0} ns/delivery (Akka.NET default dispatcher, real threads)");
        Print($"total {total.Elapsed.TotalSeconds:N1} s; {(missed == 0 ? "every target met" : $"{missed} target(s) missed")}");
        return 0;
    }

    /// <summary>Operations per second of the fastest of <paramref name="rounds"/> runs of <paramref name="action"/>.</summary>
    private static double Best(int rounds, long operations, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            var elapsed = watch.Elapsed;
            best = elapsed < best ? elapsed : best;
        }

        return operations / best.TotalSeconds;
    }

    /// <summary>The BenchmarkDotNet benchmark itself, timed here: 2,000,000 deliveries a round.</summary>
    private static double ConcurrentPingPong(int rounds)
    {
        var bench = new ConcurrentPingPongBenchmarks();
        bench.SetupActors();
        try
        {
            bench.Actors();
            return Best(rounds, ConcurrentPingPongBenchmarks.Deliveries, bench.Actors);
        }
        finally
        {
            bench.CleanupActors();
        }
    }

    private static void Print(string line) => Console.WriteLine(line);
}
