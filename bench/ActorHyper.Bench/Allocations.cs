using System.Diagnostics.Tracing;
using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hardware;

namespace ActorHyper.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/ActorHyper.Bench -- allocations [seeds]</c>: what the
/// power-cycled default scenario allocates on the driving thread, per delivery, and which types
/// take most of it (the runtime's allocation samples, one about every 100 KB). Allocation, not
/// time, is what a noisy machine cannot blur, and the collector's work follows it.
/// </summary>
public static class Allocations
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seeds = BenchArgs.Count(args, 0, "allocations: the number of seeds", 300);
        var shown = BenchArgs.Count(args, 1, "allocations: the number of types shown", 30);
        var handle = DefaultScenario.StartMachine("allocations");
        var driver = ControlledDriver.Of(handle.System);
        for (var i = 0; i < 100; i++)
        {
            DefaultScenario.RunSchedule(handle, 1_000_000 + (ulong)i);
        }

        using var listener = new AllocationListener();
        long steps = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = GC.CollectionCount(0);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < seeds; i++)
        {
            DefaultScenario.RunSchedule(handle, (ulong)i);
            steps += driver.Steps;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var elapsed = watch.Elapsed;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        listener.Dispose();
        driver.Terminate();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"default scenario, power-cycled: {seeds} schedules, {steps / seeds} steps each; {allocated / (double)steps:0} bytes allocated per delivery, {allocated / seeds / 1024.0:0} KiB per schedule; " +
            $"{collections} collections pausing {paused.TotalMilliseconds:0} ms of {elapsed.TotalMilliseconds:0} ms ({100 * paused / elapsed:0.0} %)"));
        var sampled = listener.Bytes.Values.Sum();
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(pair => pair.Value).Take(shown))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / sampled,5:0.0} %  {type}"));
        }

        return 0;
    }

    /// <summary>The runtime's GCAllocationTick events: a sample of allocations by type, weighted by the bytes since the last one.</summary>
    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;

        public Dictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (Bytes)
            {
                Bytes[type] = Bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
