using ActorHyper.Exploration.Exploring;
using ActorHyper.Protocols.RobotNavigator;

namespace ActorHyper.Exploration.Tests.Protocols;

/// <summary>The robot-navigator program's bug, told as the docs tell it: the failover lands between the route's arrival and the first move.</summary>
public sealed class RobotNavigatorTests
{
    [Fact]
    public void The_failing_story_is_a_new_navigator_registering_after_the_route_reached_the_robot()
    {
        var program = RobotNavigatorProtocol.Program;
        var failed = Assert.Throws<ExplorationFailedException>(() => ActorExploration.Run(
            new ExplorationOptions { Iterations = 1_000, Seed = 1 }, program.Buggy, program.Monitors, program.Settings));

        Assert.Equal(LivenessMonitor.Invariant, failed.Violation!.Invariant);
        Assert.StartsWith("liveness: the run ended with the robot busy", failed.Violation.Failure.Reason, StringComparison.Ordinal);
        // The route from the killed navigator reaches the robot, then its successor registers (having found no request to restart).
        var route = failed.Message.IndexOf("/failover-driver/robot ← /user/exploration/run/failover-driver/navigator-1: DrivingInstructions", StringComparison.Ordinal);
        var register = failed.Message.IndexOf("/failover-driver/robot ← /user/exploration/run/failover-driver/navigator-2: RegisterNavigator", StringComparison.Ordinal);
        Assert.True(route >= 0 && register > route, failed.Message);
        Assert.DoesNotContain("MoveTimerElapsed", failed.Message[route..], StringComparison.Ordinal);
    }
}
