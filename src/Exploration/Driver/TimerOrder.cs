namespace ActorHyper.Exploration.Driver;

/// <summary>Which pending timers may fire at a step.</summary>
public enum TimerOrder
{
    /// <summary>Timers fire in the order of their due times (those already due in any order), but the next one may beat any pending message.</summary>
    DueOrder,

    /// <summary>Any pending timer may fire at any step, whatever its due time (Coyote's model).</summary>
    AnyOrder,
}
