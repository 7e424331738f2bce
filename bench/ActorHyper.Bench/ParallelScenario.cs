using System.Diagnostics;
using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Driver;

namespace ActorHyper.Bench;

/// <summary>
/// <c>scenario [seeds] threads=N</c>: the default scenario on N power-cycled machines at once, one
/// controlled system per thread, as <c>explore --workers N</c> runs them, without the exploration's
/// own work (strategies, coverage, stories). Every machine warms up first; the clock runs from the
/// moment all start their share of the seeds (seed i on machine i mod N) until the last is done.
/// This is the default scenario's schedules per second "on this machine" when N is its cores.
/// </summary>
internal static class ParallelScenario
{
    public static void Run(int seeds, int threads, int warmUp, List<string> failures)
    {
        var start = new Barrier(threads + 1);
        var done = new CountdownEvent(threads);
        var cpu = new TimeSpan?[threads];
        var steps = new long[threads];
        var workers = Enumerable.Range(0, threads).Select(k => new Thread(() =>
        {
            var handle = DefaultScenario.StartMachine($"scenario{k}");
            var driver = ControlledDriver.Of(handle.System);
            for (var i = 0; i < warmUp; i++)
            {
                DefaultScenario.RunSchedule(handle, 300_000 + (ulong)i);
            }

            start.SignalAndWait();
            var cpuBefore = ThreadCpuClock.Now();
            for (var seed = k; seed < seeds; seed += threads)
            {
                handle.PowerCycle((ulong)seed);
                if (DefaultScenario.Failure(handle, (ulong)seed) is { } failed)
                {
                    lock (failures)
                    {
                        failures.Add(failed);
                    }
                }

                steps[k] += driver.Steps;
            }

            cpu[k] = ThreadCpuClock.Now() - cpuBefore;
            driver.Terminate();
            done.Signal();
        })
        { IsBackground = true, Name = $"scenario machine {k}" }).ToList();
        workers.ForEach(worker => worker.Start());
        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        done.Wait();
        var elapsed = watch.Elapsed;
        var cpuText = cpu.All(used => used is not null)
            ? string.Create(CultureInfo.InvariantCulture, $"; the threads' CPU {string.Join(" + ", cpu.Select(used => $"{used!.Value.TotalSeconds:0.00}"))} s")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"default scenario, {threads} power-cycled machines on {threads} threads: {seeds} schedules in {elapsed.TotalSeconds:0.00} s = {seeds / elapsed.TotalSeconds:0.0} schedules/s, " +
            $"{steps.Sum() / seeds} steps/schedule") + cpuText);
    }
}
