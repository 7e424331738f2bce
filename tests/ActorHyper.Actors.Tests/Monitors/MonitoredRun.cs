using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Tests.Monitors;

/// <summary>
/// Runs the default scenario under the invariant monitors, seed after seed on one power-cycled
/// machine, and reports the first monitor failure (the run stops there) or null.
/// </summary>
internal static class MonitoredRun
{
    /// <summary>The default scenario: two launches, then <c>wait</c>.</summary>
    public static readonly string[] Scenario = ["run -nc 2 -i 6", "run -nc 3 -i 2", "wait"];

    public static TestHypervisor Machine(ProtocolVariant variant = ProtocolVariant.None, MachineSpec? spec = null) =>
        TestHypervisor.Started(ExecutionMode.Controlled, spec: spec, seed: 1, hypervisor: new HypervisorOptions { Variant = variant });

    public static ISchedulingStrategy Random(ulong seed) => new RandomStrategy(seed);

    public static ISchedulingStrategy Pct(ulong seed) => new PctStrategy(seed, depth: 3, maxSteps: 20_000);

    /// <summary>
    /// One run of <see cref="Scenario"/> with <paramref name="seed"/>: the launches typed one after the
    /// other (<paramref name="overlapping"/>: typed together, so the shell handles them concurrently),
    /// then <c>wait</c>, then the run's end (where liveness is judged).
    /// </summary>
    public static RunFailure? Run(TestHypervisor hv, ulong seed, ISchedulingStrategy strategy, bool overlapping = false)
    {
        var driver = hv.Driver;
        if (hv.Handle.PowerCycle(seed, strategy) is not MachineReady)
        {
            return driver.Failure ?? throw new InvalidOperationException($"seed {seed}: the machine did not start");
        }
        if (overlapping)
        {
            hv.TypeAhead(Scenario[0]);
            hv.TypeAhead(Scenario[1]);
            var replies = 0;
            while (replies < 2 && driver.RunUntil(() => hv.Probe.HasMessages) == RunOutcome.ConditionMet)
            {
                replies += hv.Probe.TakeAvailable().Count;
            }
        }
        else
        {
            hv.Type(Scenario[0]);
            hv.Type(Scenario[1]);
        }
        if (driver.Failure is null)
        {
            hv.Type(Scenario[2]);
        }
        if (driver.Failure is null)
        {
            driver.EndRun(driver.RunUntilQuiescent());
        }
        return driver.Failure;
    }

    /// <summary>The first seed in <paramref name="seeds"/> whose run fails, with its failure.</summary>
    public static (ulong Seed, RunFailure Failure)? FirstFailure(TestHypervisor hv, IEnumerable<ulong> seeds, Func<ulong, ISchedulingStrategy> strategy, bool overlapping = false)
    {
        foreach (var seed in seeds)
        {
            if (Run(hv, seed, strategy(seed), overlapping) is { } failure)
            {
                return (seed, failure);
            }
        }
        return null;
    }
}
