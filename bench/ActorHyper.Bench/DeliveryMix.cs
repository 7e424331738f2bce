using System.Globalization;
using System.Text.RegularExpressions;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Monitors;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Hardware;

namespace ActorHyper.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/ActorHyper.Bench -- mix [seeds]</c>: which deliveries a
/// power-cycled default-scenario schedule is made of, per schedule, by receiver kind (its path with
/// indices blanked), phase (the machine's start, then the commands) and message type, and the events
/// published, by type. Where a schedule's steps go is the first question of its speed.
/// </summary>
public static partial class DeliveryMix
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seeds = BenchArgs.Count(args, 0, "mix: the number of seeds", 20);
        var shown = BenchArgs.Count(args, 1, "mix: the number of rows shown", 40);
        var handle = DefaultScenario.StartMachine("mix");
        var driver = ControlledDriver.Of(handle.System);
        var counts = new Dictionary<(string Receiver, string Message), long>();
        var phase = "start";
        driver.AddMonitor(new DeliveryMonitor("mix", () => delivery =>
        {
            var key = (Indices().Replace(delivery.Receiver, "*"), phase + " " + DeliveredMessage.Unwrap(delivery.Message).GetType().Name + (delivery.IsTimer ? " (timer)" : ""));
            counts[key] = counts.GetValueOrDefault(key) + 1;
            return null;
        }));
        var events = new EventCounter();
        driver.AddMonitor(events);
        long steps = 0;
        for (var i = 0; i < seeds; i++)
        {
            phase = "start";
            handle.PowerCycle((ulong)i);
            phase = "boot";
            foreach (var command in DefaultScenario.Commands)
            {
                handle.Execute(command);
            }

            steps += driver.Steps;
        }

        driver.Terminate();
        var counted = counts.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seeds} schedules, {steps / (double)seeds:0} steps and {counted / (double)seeds:0} monitored deliveries each"));
        foreach (var ((receiver, message), count) in counts.OrderByDescending(pair => pair.Value).Take(shown))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count / (double)seeds,8:0.0}  {100.0 * count / counted,5:0.0} %  {receiver}  {message}"));
        }

        // Which of the machine's invariant monitors (the set an exploration runs) want each event type:
        // an event none wants is published and carried for nothing.
        var monitors = InvariantMonitors.For(MachineSpec.Tsar4x4);
        var unwanted = events.Types.Where(t => !monitors.Any(m => m.WantsEvent(t.Value))).Sum(t => events.Counts[t.Key]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events: {events.Counts.Values.Sum() / (double)seeds:0} per schedule, {unwanted / (double)seeds:0} of them wanted by no invariant monitor"));
        foreach (var (type, count) in events.Counts.OrderByDescending(pair => pair.Value).Take(25))
        {
            var wanting = monitors.Count(m => m.WantsEvent(events.Types[type]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count / (double)seeds,8:0.0}  {type}  (wanted by {wanting} of {monitors.Count} monitors)"));
        }

        return 0;
    }

    private sealed class EventCounter : RunMonitor
    {
        public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

        /// <summary>Each counted type by its name.</summary>
        public Dictionary<string, Type> Types { get; } = new(StringComparer.Ordinal);

        public override void OnEvent(object published)
        {
            var type = published.GetType().Name;
            Counts[type] = Counts.GetValueOrDefault(type) + 1;
            Types[type] = published.GetType();
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Indices();
}
