using BenchmarkDotNet.Running;

namespace ActorHyper.Bench;

public static class Program
{
    /// <summary>
    /// <c>quick</c>: one line per measurement, in about a minute; <c>scenario [seeds]</c>: the default
    /// scenario's schedules per second; <c>allocations [seeds]</c>: what it allocates, by type; <c>mix [seeds]</c>: its deliveries by receiver and message; <c>corpus [name]</c>: the corpus of public protocols, against Coyote; anything else goes to BenchmarkDotNet.
    /// </summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Func<string[], int>? mode = args.Length == 0 ? null : args[0] switch
        {
            "quick" => Quick.Run,
            "scenario" => DefaultScenario.Run,
            "mix" => DeliveryMix.Run,
            "allocations" => Allocations.Run,
            "corpus" => CorpusBench.Run,
            _ => null,
        };
        if (mode is null)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        try
        {
            return mode(args[1..]);
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 2;
        }
    }
}
