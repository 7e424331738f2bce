using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Protocols.CoffeeMachine;

namespace ActorHyper.Exploration.Tests.Protocols;

/// <summary>The coffee machine's bug tells the tutorial's story: the second machine believes a hopper below zero.</summary>
public sealed class CoffeeMachineTests
{
    [Fact]
    public void The_second_machine_reads_a_negative_hopper_and_grinds_with_no_beans()
    {
        var program = CoffeeMachineProtocol.Program;
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = StrategyKind.Pos, Iterations = 100, Seed = 1, Workers = 1 },
            program.Buggy, program.Monitors, program.Settings);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(SensorSafetyMonitor.Invariant, violation.Invariant);
        Assert.StartsWith("the grinder was switched on with no beans in the hopper (the sensor reads -", violation.Failure.Reason, StringComparison.Ordinal);
        // The first machine ground (its check overdrew the hopper); the second read the level and went on.
        Assert.Contains(violation.Schedule.Story, line =>
            line.Contains("failover-driver/coffee-machine-2 ← /user/exploration/run/failover-driver/coffee-grinder: HopperLevel { Percent = -",
                StringComparison.Ordinal));
        Assert.EndsWith("failover-driver/coffee-grinder ← /user/exploration/run/failover-driver/coffee-machine-2: GrinderButton { PowerOn = True }",
            violation.Schedule.Story[^1], StringComparison.Ordinal);
    }
}
