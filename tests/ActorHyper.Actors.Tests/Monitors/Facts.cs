using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration;
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

    public static ResourcesReleased Released(Allocation allocation) => new(At, Shell, allocation.InstanceId, allocation);

    public static HatConfiguration Table(Allocation allocation) => HatConfiguration.For(Spec, allocation);

    /// <summary>Feeds <paramref name="events"/> in order to a monitor that starts a run, and returns the violation it raises.</summary>
    public static string Violation(RunMonitor monitor, params object[] events)
    {
        monitor.OnRunStart();
        var thrown = Assert.Throws<MonitorViolationException>(() =>
        {
            foreach (var happened in events)
            {
                if (happened is Delivery delivery)
                {
                    monitor.OnDelivery(delivery);
                }
                else
                {
                    monitor.OnEvent(happened);
                }
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
            if (happened is Delivery delivery)
            {
                monitor.OnDelivery(delivery);
            }
            else
            {
                monitor.OnEvent(happened);
            }
        }
    }
}
