using System.Diagnostics;
using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hardware;

namespace ActorHyper.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/ActorHyper.Bench -- scenario [seeds]</c>: the default
/// scenario (4×4; <c>run -nc 2 -i 6</c>, <c>run -nc 3 -i 2</c>, <c>wait</c>) under the controlled
/// driver on one thread, schedule after schedule: on one machine power-cycled between seeds (what
/// exploration does), and with a new actor system and machine per seed (the baseline). Prints
/// schedules per second, deliveries per second, and every seed whose run failed (an instance not
/// Running, a refused command, a monitor's violation). With <c>threads=N</c>, N machines at once
/// instead (<see cref="ParallelScenario"/>).
/// </summary>
public static class DefaultScenario
{
    internal static readonly string[] Commands = ["run -nc 2 -i 6", "run -nc 3 -i 2", "wait"];

    /// <summary>A controlled 4×4 machine, started, for the bench's power-cycled modes.</summary>
    internal static HypervisorHandle StartMachine(string name)
    {
        var handle = HypervisorHandle.Start(MachineSystems.Create(name, ExecutionMode.Controlled, 0), MachineSpec.Tsar4x4);
        handle.WaitUntilStarted(TimeSpan.FromSeconds(60));
        return handle;
    }

    /// <summary>One schedule of the scenario on a started machine: a power cycle with <paramref name="seed"/>, then the commands.</summary>
    internal static void RunSchedule(HypervisorHandle handle, ulong seed)
    {
        handle.PowerCycle(seed);
        foreach (var command in Commands)
        {
            handle.Execute(command);
        }
    }

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Every argument is checked before any machine starts.
        var seeds = BenchArgs.Count(args, 0, "scenario: the number of seeds", 1000);
        var warmUp = WarmUp(args);
        var threads = BenchArgs.Option(args, "scenario", "threads=", 1, min: 1);
        var failures = new List<string>();
        if (threads > 1)
        {
            ParallelScenario.Run(seeds, threads, warmUp, failures);
            return Report(failures, seeds);
        }

        // Warm-up: JIT and Akka's first actors of every type.
        Fresh(5, 100_000, failures);
        var reused = MachineSystems.Create("scenario", ExecutionMode.Controlled, 0);
        var handle = HypervisorHandle.Start(reused, MachineSpec.Tsar4x4);
        handle.WaitUntilStarted(TimeSpan.FromSeconds(60));
        PowerCycled(handle, warmUp, 200_000, failures);
        failures.Clear();

        var cpuBefore = ThreadCpuClock.Now();
        var (cycledTime, cycledSteps) = PowerCycled(handle, seeds, 0, failures);
        var cycledCpu = ThreadCpuClock.Now() - cpuBefore;
        ControlledDriver.Of(reused).Terminate();
        // "cycled" skips the baseline of a new machine per seed (for profiling the power-cycled runs alone).
        var freshSeeds = args.Contains("cycled") ? 0 : Math.Max(1, seeds / 5);
        var (freshTime, freshSteps) = Fresh(freshSeeds, 0, failures);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"default scenario, power-cycled machine: {seeds} schedules in {cycledTime.TotalSeconds:0.00} s = {seeds / cycledTime.TotalSeconds:0.0} schedules/s, " +
            $"{cycledSteps / seeds} steps/schedule, {cycledSteps / cycledTime.TotalSeconds / 1e6:0.00} M deliveries/s") + CpuText(cycledCpu, seeds));
        if (freshSeeds > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"default scenario, new machine per seed: {freshSeeds} schedules in {freshTime.TotalSeconds:0.00} s = {freshSeeds / freshTime.TotalSeconds:0.0} schedules/s, " +
                $"{freshSteps / freshSeeds} steps/schedule"));
        }
        return Report(failures, seeds + freshSeeds);
    }

    private static int Report(List<string> failures, int schedules)
    {
        Console.WriteLine(failures.Count == 0
            ? $"no failure in {schedules} schedules"
            : $"{failures.Count} failed schedules:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures)}");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Warm-up schedules (<c>warmup=N</c>, 300 unless given): the runtime's tiered JIT promotes hot
    /// methods in the background, and Akka's code is large, so a short warm-up measures the JIT too.
    /// </summary>
    private static int WarmUp(string[] args) => BenchArgs.Option(args, "scenario", "warmup=", 300, min: 0);

    /// <summary>The driving thread's CPU time, which a shared machine's other work disturbs far less than wall time.</summary>
    private static string CpuText(TimeSpan? cpu, int seeds) => cpu is { } used
        ? string.Create(CultureInfo.InvariantCulture, $"; driving thread's CPU {used.TotalSeconds:0.00} s = {seeds / used.TotalSeconds:0.0} schedules per CPU-second")
        : "";

    private static (TimeSpan Time, long Steps) PowerCycled(HypervisorHandle handle, int seeds, ulong firstSeed, List<string> failures)
    {
        var driver = ControlledDriver.Of(handle.System);
        long steps = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < seeds; i++)
        {
            var seed = firstSeed + (ulong)i;
            handle.PowerCycle(seed);
            Check(handle, seed, failures);
            steps += driver.Steps;
        }

        return (watch.Elapsed, steps);
    }

    private static (TimeSpan Time, long Steps) Fresh(int seeds, ulong firstSeed, List<string> failures)
    {
        long steps = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < seeds; i++)
        {
            var seed = firstSeed + (ulong)i;
            var system = MachineSystems.Create("scenario", ExecutionMode.Controlled, seed);
            var handle = HypervisorHandle.Start(system, MachineSpec.Tsar4x4);
            handle.WaitUntilStarted(TimeSpan.FromSeconds(60));
            Check(handle, seed, failures);
            var driver = ControlledDriver.Of(system);
            steps += driver.Steps;
            driver.Terminate();
        }

        return (watch.Elapsed, steps);
    }

    private static void Check(HypervisorHandle handle, ulong seed, List<string> failures)
    {
        if (Failure(handle, seed) is { } failed)
        {
            failures.Add(failed);
        }
    }

    /// <summary>Runs the commands on a machine just started or power-cycled with <paramref name="seed"/>; what went wrong, or null.</summary>
    internal static string? Failure(HypervisorHandle handle, ulong seed)
    {
        foreach (var command in Commands)
        {
            var reply = handle.Execute(command);
            if (!reply.Succeeded)
            {
                return $"seed {seed}: {command}: {reply.Error}";
            }

            if (reply.Answer is InstanceTable table && table.Instances.Any(i => i.State != InstanceState.Running))
            {
                return $"seed {seed}: {command}: {table}";
            }
        }

        return null;
    }
}
