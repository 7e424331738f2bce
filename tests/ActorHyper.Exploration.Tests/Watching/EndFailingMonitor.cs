using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Fails when the host judges the end of a run.</summary>
internal sealed class EndFailingMonitor : RunMonitor
{
    public override string Name => "ends-badly";

    public int Ends { get; private set; }

    public override void OnRunEnd(RunOutcome outcome)
    {
        Ends++;
        Fail("2 requests still pending");
    }
}
