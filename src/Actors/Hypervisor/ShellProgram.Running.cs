using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Hardware;
using Akka.Event;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// How the shell learns that a guest runs: not by looking at its cores, but through the instance's
/// Running mailbox (seed 003 via <see cref="Hardware.Boot.ArchInfo.RunningMailbox"/>), a slot of the
/// hypervisor cluster's XICU that the guest's boot core writes once every processor idles in its
/// shuttle. The shell enables every Running slot into its line and listens while it runs.
/// </summary>
public sealed partial class ShellProgram
{
    private void ListenForRunning()
    {
        var layout = Machine.Layout;
        var xicu = Machine.Xicu(MachineSpec.HypervisorCluster);
        var enabled = Completions.AfterAll(layout.IocChannels, Cpu.ListenForInterrupts);
        for (var id = 0; id < layout.IocChannels; id++)
        {
            var slot = layout.RunningSlot(id);
            Cpu.Control(xicu, tag => new SetMask(tag, Cpu.Core.Index, slot, true), reply =>
            {
                if (Refusal(reply) is { } refusal)
                {
                    Cpu.Fault($"cannot enable the Running mailbox {slot}: {refusal}");
                    return;
                }
                enabled();
            });
        }
    }

    /// <summary>
    /// A Running mailbox was written (and is now read): the instance, if it is still Booting, runs.
    /// A write found no longer pending was cleared by a kill (the kill reads the slot after halting
    /// the cores), and a slot of an instance that is not Booting (stopping, failed, another launch)
    /// changes nothing.
    /// </summary>
    private void OnRunningMailbox(int slot, bool wasPending, uint value)
    {
        var layout = Machine.Layout;
        var id = slot - layout.FirstRunningSlot;
        if (!wasPending || id < 0 || id >= layout.IocChannels)
        {
            return;
        }
        if (value != id)
        {
            Cpu.Log.Warning("Running mailbox of instance {InstanceId} holds {Value}, not the instance id", id, value);
            return;
        }
        if (!instances.TryGetValue(id, out var instance))
        {
            return;
        }
        if (instance.State == InstanceState.Starting && instance.Step == InstanceStep.HandOff)
        {
            // The write that woke the boot core landed; only its acknowledgement is still on its way.
            instance.RanBeforeHandOffLanded = true;
            return;
        }
        if (instance.State == InstanceState.Booting)
        {
            Run(instance);
        }
    }

    /// <summary>Booting to Running: the guest said all its cores are idle.</summary>
    private void Run(Instance instance)
    {
        Completed(instance, InstanceStep.Boot,
            $"the guest wrote its Running mailbox (slot {Machine.Layout.RunningSlot(instance.Id)}): all {instance.Cores.Count} cores idle");
        instance.Step = InstanceStep.Run;
        SetState(instance, InstanceState.Running);
    }
}
