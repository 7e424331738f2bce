namespace ActorHyper.Exploration.Monitors;

/// <summary>Why a controlled run stopped early: the monitor (or the driver), the reason, the step and virtual time.</summary>
public sealed record RunFailure(string Monitor, string Reason, long Step, TimeSpan At)
{
    public override string ToString() => $"{Monitor} at step {Step} (@{At.TotalMilliseconds:0.###} ms): {Reason}";
}
