using BenchmarkDotNet.Running;

namespace ActorHyper.Bench;

public static class Program
{
    /// <summary>
    /// <c>quick</c>: one line per measurement, in about a minute; <c>scenario [seeds]</c>: the default
    /// scenario's schedules per second; <c>allocations [seeds]</c>: what it allocates, by type; <c>mix [seeds]</c>: its deliveries by receiver and message; anything else goes to BenchmarkDotNet.
    /// </summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "quick")
        {
            return Quick.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "scenario")
        {
            return DefaultScenario.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "mix")
        {
            return DeliveryMix.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "allocations")
        {
            return Allocations.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
