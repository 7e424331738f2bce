using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary>What the faults tests look at: each instance's states with their time and reason, the releases of resources, the faults injected.</summary>
internal sealed class FaultRecorder : RunMonitor
{
    public List<InstanceStateChanged> States { get; } = [];

    public List<ResourcesReleased> Released { get; } = [];

    public List<FaultInjected> Faults { get; } = [];

    /// <summary>Each command the shell was handed, with its step (an unstashed one again).</summary>
    public List<(long Step, string Text)> Commands { get; } = [];

    public override string Name => "fault-recorder";

    public override void OnRunStart()
    {
        States.Clear();
        Released.Clear();
        Faults.Clear();
        Commands.Clear();
    }

    public override void OnDelivery(Delivery delivery)
    {
        if (delivery.Message is ShellInput input)
        {
            Commands.Add((delivery.Step, input.Text));
        }
    }

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case InstanceStateChanged changed:
                States.Add(changed);
                break;
            case ResourcesReleased released:
                Released.Add(released);
                break;
            case FaultInjected fault:
                Faults.Add(fault);
                break;
        }
    }

    public InstanceStateChanged? Reached(int instance, InstanceState state) =>
        States.FirstOrDefault(changed => changed.InstanceId == instance && changed.State == state);
}
