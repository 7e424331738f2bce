using System.Globalization;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// The boot watchdog: an instance still Booting <see cref="HypervisorOptions.BootTimeout"/> after its
/// hand-off fails, with the cores' last known states in the reason. A lost hand-off IPI or kernel
/// wake-up leaves a boot waiting for nothing and silent; without a deadline it would stay Booting.
/// </summary>
public sealed partial class ShellProgram
{
    private void WatchBoot(Instance instance)
    {
        instance.BootWatch = ++lastBootWatch;
        var overdue = new BootOverdue(instance.Id, instance.BootWatch);
        instance.Watchdog = overdue;
        Cpu.After(options.BootTimeout, overdue);
    }

    /// <summary>The instance has left Booting (Running, Failed, or being killed): its watchdog is cancelled, not left to fire for nothing.</summary>
    private void StopWatchingBoot(Instance instance)
    {
        if (instance.Watchdog is { } overdue)
        {
            instance.Watchdog = null;
            Cpu.CancelAfter(overdue);
        }
    }

    private void OnBootOverdue(BootOverdue overdue)
    {
        // Settled, killed, or launched again since: this watchdog is not the instance's any more.
        if (!instances.TryGetValue(overdue.InstanceId, out var instance)
            || instance.BootWatch != overdue.Watch
            || instance.State != InstanceState.Booting)
        {
            return;
        }

        var cores = string.Join(", ", instance.Cores.Select(core =>
            $"{core} {(instance.CoreStatuses.TryGetValue(core, out var status) ? status.ToString() : "unreported")}"));
        Fail(instance, InstanceStep.Boot, string.Create(CultureInfo.InvariantCulture,
            $"the guest did not write its Running mailbox within {options.BootTimeout.TotalSeconds:0.###} s of the hand-off (an IPI lost?); its cores: {cores}"));
    }

    /// <summary>The boot watchdog of the <paramref name="Watch"/>-th boot, for instance <paramref name="InstanceId"/>.</summary>
    private sealed record BootOverdue(int InstanceId, int Watch);
}
