using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>
/// Liveness, the sample's hot and cold monitor: from the moment a machine takes on a job (heating,
/// a coffee) it owes its end, the coffee made and the machine ready, or a stop at an error or a
/// refill, or its halt. Hot while owed; a run that ends hot, or stays hot beyond the limits of the
/// program's settings, fails.
/// </summary>
public sealed class LivenessMonitor : RunMonitor
{
    public const string Invariant = "machine-liveness";

    private bool _busy;

    public override string Name => Invariant;

    public override bool IsHot => _busy;

    public override string HotReason => "the coffee machine took a job and neither finished it nor stopped at an error or a refill";

    public override void OnRunStart() => _busy = false;

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(MachineBusy) || eventType == typeof(MachineIdle);

    public override void OnEvent(object published) => _busy = published switch
    {
        MachineBusy => true,
        MachineIdle => false,
        _ => _busy,
    };

    public override void OnRunEnd(RunOutcome outcome)
    {
        if (_busy && outcome == RunOutcome.Quiescent)
        {
            Fail("liveness: the run ended with " + HotReason);
        }
    }
}
