namespace ActorHyper.Exploration.Monitors;

/// <summary>How a call that runs a controlled system ended.</summary>
public enum RunOutcome
{
    /// <summary>One step was made (from <see cref="ControlledDriver.Step"/>).</summary>
    Delivered,

    /// <summary>The condition held.</summary>
    ConditionMet,

    /// <summary>Nothing was left to deliver and no timer was pending.</summary>
    Quiescent,

    /// <summary>Only timers due after the deadline were left; virtual time stands at the deadline.</summary>
    DeadlineReached,

    /// <summary>The run made as many steps as its limit allows.</summary>
    StepLimitReached,

    /// <summary>A monitor failed the run (see <see cref="ControlledDriver.Failure"/>).</summary>
    Failed,

    /// <summary>A state-aware strategy ended the run: what would follow was explored before (see <see cref="IStateAwareStrategy"/>).</summary>
    Pruned,
}
