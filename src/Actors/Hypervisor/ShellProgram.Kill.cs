using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Boot;
using Akka.Actor;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// <c>kill</c>: halt the instance's cores (nothing they issue lands after this), reset its clusters'
/// DMA engines (a transfer in flight is aborted, and the step lands once nothing it issued can still
/// land), reset their HATs and the DMA HATs, remove the interrupt routes, reset the clusters'
/// mailboxes, clear its TTY channel and frame buffer, clear its memory and the hypervisor's notes, reset the cores (they run the hypervisor again and <c>wait</c>), and
/// once every core is back in <c>wait</c>, return every resource to the pools. A kill asked while a
/// launch step is in flight starts when that step has landed.
/// </summary>
public sealed partial class ShellProgram
{
    private void Kill(KillCommand kill, IActorRef replyTo)
    {
        if (!instances.TryGetValue(kill.InstanceId, out var instance))
        {
            Refuse(replyTo, kill.Text, NoSuchInstance(kill.InstanceId));
            return;
        }
        instance.Killers.Add((replyTo, kill.Text));
        if (instance.KillRequested)
        {
            return;
        }
        instance.KillRequested = true;
        if (!instance.StepInFlight)
        {
            BeginKill(instance);
        }
    }

    private void BeginKill(Instance instance)
    {
        var was = instance.State;
        if (instance.Launcher is { } launcher)
        {
            instance.Launcher = null;
            Refuse(launcher.ReplyTo, launcher.Command, $"instance {instance.Id} was killed while {was}");
        }
        SetState(instance, InstanceState.Stopping);
        foreach (var core in instance.Cores)
        {
            instance.Parking[core] = KillProgress.Halting;
        }
        RunStep(instance, InstanceStep.HaltCores, () => $"{instance.Cores.Count} cores halted (was {was})",
            instance.Cores.Select(core => Control(Machine.Core(core), tag => new HaltCore(tag))).ToList(),
            () => ResetDmas(instance));
    }

    /// <summary>Before the DMA HATs go off: an engine still translating through one would then reach machine space.</summary>
    private void ResetDmas(Instance instance)
    {
        var clusters = instance.Allocation.Clusters;
        RunStep(instance, InstanceStep.ResetDmas, () => $"DMA engines of {string.Join(" ", clusters)} idle",
            clusters.Select(cluster => Control(Machine.Dma(cluster), tag => new ResetDma(tag))).ToList(),
            () => ResetHats(instance));
    }

    private void ResetHats(Instance instance)
    {
        var hats = HatsOf(instance);
        RunStep(instance, InstanceStep.ResetHats, () => $"{hats.Count} HATs off",
            hats.Select(hat => Control(hat, tag => new ResetHat(tag))).ToList(),
            () => RemoveRoutes(instance));
    }

    private void RemoveRoutes(Instance instance)
    {
        var removed = 0;
        RunStep(instance, InstanceStep.RemoveRoutes, () => $"{removed} routes of {instance.Allocation.Channels} removed",
            [landed => Cpu.Control(Machine.Iopic, tag => new RemoveRoutes(tag, instance.Allocation.Channels), reply =>
            {
                removed = (reply as IopicRoutesChanged)?.Count ?? 0;
                landed(Refusal(reply));
            })],
            () => ResetMailboxes(instance));
    }

    /// <summary>
    /// The instance's XICUs back to power-on, and its Running mailbox in the hypervisor cluster read
    /// (cleared). The cores are halted by now, so no new Running write can be issued; one a core sent
    /// before its halt is already in the XICU's mailbox ahead of this read, so the read clears it and
    /// a later launch with the same id cannot be marked Running by it.
    /// </summary>
    private void ResetMailboxes(Instance instance)
    {
        var operations = instance.Allocation.Clusters.Select(cluster => Control(Machine.Xicu(cluster), tag => new ResetXicu(tag))).ToList();
        operations.Add(landed => Cpu.ReadMailbox(Machine.Layout.RunningSlot(instance.Id), _ => landed(null)));
        RunStep(instance, InstanceStep.ResetMailboxes,
            () => $"XICUs of {string.Join(" ", instance.Allocation.Clusters)} at power-on state, Running mailbox cleared",
            operations, () => ClearDevices(instance));
    }

    /// <summary>The next instance given this TTY and FB channel starts with a blank console and screen.</summary>
    private void ClearDevices(Instance instance)
    {
        var allocation = instance.Allocation;
        RunStep(instance, InstanceStep.ClearDevices, () => $"TTY channel {allocation.TtyChannel} and FB channel {allocation.FbChannel} cleared",
            [Control(Machine.Tty, tag => new ClearTtyChannel(tag, allocation.TtyChannel)), Control(Machine.Fbf, tag => new ClearFrame(tag, allocation.FbChannel))],
            () => ClearMemory(instance));
    }

    private void ClearMemory(Instance instance)
    {
        var operations = instance.Allocation.Clusters
            .Select(cluster => Control(Machine.Memory(cluster), tag => Memory.ClearMemory.All(tag, Unit)))
            .Concat(instance.Cores.Select(core => Control(Machine.Memory(MachineSpec.HypervisorCluster), tag =>
                new ClearMemory(tag, BootLayout.CoreAssignmentOf(core.Cluster, core.Index).Offset, BootLayout.CoreAssignmentSize, Unit))))
            .ToList();
        RunStep(instance, InstanceStep.ClearMemory,
            () => $"RAM of {string.Join(" ", instance.Allocation.Clusters)} and the {instance.Cores.Count} core notes cleared",
            operations, () => ResetCores(instance));
    }

    /// <summary>Pulls the cores' reset lines; the step completes when every core reports it waits in the hypervisor again.</summary>
    private void ResetCores(Instance instance)
    {
        instance.Step = InstanceStep.ResetCores;
        foreach (var core in instance.Cores)
        {
            Cpu.Tell(Machine.Core(core), ResetCore.Instance);
        }
        CheckParked(instance);
    }

    private void TrackParking(Instance instance, CoreStatusReport report)
    {
        if (!instance.Parking.TryGetValue(report.Core, out var progress))
        {
            return;
        }
        instance.Parking[report.Core] = (progress, report.Status.State) switch
        {
            (KillProgress.Halting, CoreState.Parked) => KillProgress.Parked,
            // A core that faults on its way back is no longer the instance's either; its status shows the fault.
            (KillProgress.Parked, CoreState.Waiting or CoreState.Faulted) => KillProgress.Waiting,
            _ => progress,
        };
        CheckParked(instance);
    }

    private void CheckParked(Instance instance)
    {
        if (instance.Step != InstanceStep.ResetCores || instance.Parking.Values.Any(progress => progress != KillProgress.Waiting))
        {
            return;
        }
        Completed(instance, InstanceStep.ResetCores, $"{instance.Cores.Count} cores back in the hypervisor's wait");
        instance.Step = InstanceStep.Release;
        Pools.Release(instance.Allocation);
        Cpu.Publish(new Events.ResourcesReleased(Cpu.Now, Unit, instance.Id, instance.Allocation, Pools.Snapshot()));
        Completed(instance, InstanceStep.Release, $"{instance.Allocation} returned; {Pools.Snapshot()}");
        instances.Remove(instance.Id);
        SetState(instance, InstanceState.Stopped);
        foreach (var (replyTo, command) in instance.Killers)
        {
            Answer(replyTo, command, new InstanceStopped(instance.Info));
        }
    }
}
