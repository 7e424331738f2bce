using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Tests.Monitors;

/// <summary>Hand-made events and deliveries for the monitors' unit tests (a 4x4 machine, 4 cores per cluster).</summary>
internal static class Facts
{
    public static readonly MachineSpec Spec = MachineSpec.Tsar4x4;

    public static readonly TimeSpan At = TimeSpan.Zero;

    public static readonly UnitId Shell = UnitId.Core(CoreId.MachineBootCore);

    public static ClusterId C(int x, int y) => new(x, y);

    public static CoreId Core(int x, int y, int index) => new(new ClusterId(x, y), index);

    public static Allocation Allocation(int id, int tty, params ClusterId[] clusters) => new(id, clusters.ToValueList(), id, tty, tty);

    public static ResourcesAllocated Allocated(Allocation allocation) => new(At, Shell, allocation.InstanceId, allocation);

    /// <summary>The release of <paramref name="allocation"/>, with the pools as a correct hypervisor has them after it: <paramref name="stillLive"/> held, the rest free.</summary>
    public static ResourcesReleased Released(Allocation allocation, params Allocation[] stillLive)
    {
        var pools = new ResourcePools(Spec);
        foreach (var live in stillLive)
        {
            pools.TakeUnchecked(live);
        }
        return new(At, Shell, allocation.InstanceId, allocation, pools.Snapshot());
    }

    public static InstanceStateChanged StateChanged(int instanceId, ActorHyper.Actors.Hypervisor.InstanceState from, ActorHyper.Actors.Hypervisor.InstanceState to, string? reason = null) =>
        new(At, Shell, instanceId, from, to, reason);

    public static HatConfiguration Table(Allocation allocation) => HatConfiguration.For(Spec, allocation);

    /// <summary>Feeds <paramref name="events"/> in order to a monitor that starts a run, and returns the violation it raises.</summary>
    public static string Violation(RunMonitor monitor, params object[] events)
    {
        monitor.OnRunStart();
        var thrown = Assert.Throws<MonitorViolationException>(() =>
        {
            foreach (var happened in events)
            {
                Show(monitor, happened);
            }
        });
        return thrown.Message;
    }

    /// <summary>Feeds <paramref name="events"/> and expects no violation.</summary>
    public static void NoViolation(RunMonitor monitor, params object[] events)
    {
        monitor.OnRunStart();
        foreach (var happened in events)
        {
            Show(monitor, happened);
        }
    }

    /// <summary>
    /// Shows a delivery or an event (or a run's end, given its outcome) to <paramref name="monitor"/> as the driver does: only if it
    /// wants its type. A check that needs a type its monitor does not ask for fails its test here.
    /// </summary>
    public static void Show(RunMonitor monitor, object happened)
    {
        if (happened is RunOutcome ended)
        {
            monitor.OnRunEnd(ended);
        }
        else if (happened is Delivery delivery)
        {
            if (monitor.WantsDelivery(delivery.Message.GetType()))
            {
                monitor.OnDelivery(delivery);
            }
        }
        else if (monitor.WantsEvent(happened.GetType()))
        {
            monitor.OnEvent(happened);
        }
    }
}
