using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;
using Akka.Actor;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// The launch of an instance, step by step as in seed 000: allocate; build the arch-info and put it,
/// the kernel descriptor and the boot loader where the instance defines them; copy the HAT
/// activation code to the hypervisor cluster and the instance's cluster 0 at one offset; configure
/// the HATs, activate the DMA HATs; route the instance's interrupts; note the cores as the
/// instance's; send the hand-off IPI. Each step issues its operations together and goes on when all
/// have landed (<see cref="RunStep"/>), so a kill asked meanwhile waits for nothing in flight.
/// </summary>
public sealed partial class ShellProgram
{
    /// <summary>An operation of a step: issues itself and calls back with null, or with why it was refused.</summary>
    private delegate void Operation(Action<string?> landed);

    private void Launch(RunCommand run, IActorRef replyTo)
    {
        if (options.Variant == ProtocolVariant.RacyAllocation)
        {
            LaunchRacily(run, replyTo);
            return;
        }
        var result = Pools.TryAllocate(run.InstanceId, run.ClusterCount);
        if (result.Allocation is not { } allocation)
        {
            Refuse(replyTo, run.Text, result.Refusal ?? "refused");
            return;
        }
        Launched(run, replyTo, allocation);
    }

    /// <summary>
    /// VARIANT racy-allocation (deliberately wrong): the free clusters and channels are chosen now, but
    /// taken only once a read of the hypervisor's data has come back, a message later; a second
    /// <c>run</c> handled in between chooses the same ones, and both take them.
    /// </summary>
    private void LaunchRacily(RunCommand run, IActorRef replyTo)
    {
        var result = Pools.Plan(run.InstanceId, run.ClusterCount);
        if (result.Allocation is not { } planned)
        {
            Refuse(replyTo, run.Text, result.Refusal ?? "refused");
            return;
        }
        var table = new MachineAddress(MachineSpec.HypervisorCluster, BootLayout.HypervisorDataOffset);
        Cpu.Load(table.Raw, BootLayout.CoreAssignmentSize, _ =>
        {
            Pools.TakeUnchecked(planned);
            Launched(run, replyTo, planned);
        });
    }

    private void Launched(RunCommand run, IActorRef replyTo, Allocation allocation)
    {
        Cpu.Publish(new Events.ResourcesAllocated(Cpu.Now, Unit, allocation.InstanceId, allocation));
        var instance = new Instance(allocation, Spec.CoresPerCluster) { Launcher = (replyTo, run.Text) };
        instances[instance.Id] = instance;
        Cpu.Publish(new Events.InstanceStateChanged(Cpu.Now, Unit, instance.Id, InstanceState.Stopped, InstanceState.Allocating));
        Completed(instance, InstanceStep.Allocate, allocation.ToString());
        Load(instance);
    }

    private void Load(Instance instance)
    {
        SetState(instance, InstanceState.Loading);
        var allocation = instance.Allocation;
        var arch = ArchInfoBuilder.Build(Spec, allocation);
        Completed(instance, InstanceStep.BuildArchInfo, arch.ToString());
        var at = allocation.MachineAddressOf(BootLayout.ArchInfo);
        RunStep(instance, InstanceStep.CopyArchInfo, () => $"{arch} at {at}",
            [landed => Cpu.Store(at.Raw, BootLayout.ArchInfoSize, new DataRecord(arch), () => landed(null))],
            () => CopyKernelDescriptor(instance));
    }

    private void CopyKernelDescriptor(Instance instance)
    {
        var at = instance.Allocation.MachineAddressOf(BootLayout.KernelDescriptor);
        KernelImageDescriptor? kernel = null;
        RunStep(instance, InstanceStep.CopyKernelDescriptor, () => $"{kernel} at {at}",
            [landed => Cpu.Control(Machine.Ioc, tag => new GetDiskImage(tag, instance.Allocation.IocChannel), reply =>
            {
                if (reply is not DiskImageInfo disk)
                {
                    landed(Refusal(reply) ?? $"the IOC answered {reply.GetType().Name}");
                    return;
                }
                kernel = disk.Image.Kernel;
                Cpu.Store(at.Raw, BootLayout.KernelDescriptorSize, new DataRecord(kernel), () => landed(null));
            })],
            () => CopyBootLoader(instance));
    }

    private void CopyBootLoader(Instance instance)
    {
        var from = RomAddress(RomImage.BootLoader);
        var to = instance.Allocation.MachineAddressOf(BootLayout.BootLoader);
        RunStep(instance, InstanceStep.CopyBootLoader, () => $"boot loader from {from} to {to}",
            [landed => Cpu.Copy(from.Raw, to.Raw, BootLayout.BootLoaderSize, () => landed(null))],
            () => CopyHatCode(instance));
    }

    private void CopyHatCode(Instance instance)
    {
        var from = RomAddress(RomImage.HatActivation);
        var hypervisorCopy = BootLayout.HatCodeInHypervisorCluster;
        var instanceCopy = instance.Allocation.MachineAddressOf(BootLayout.HatCodeInInstance);
        if (options.Variant == ProtocolVariant.HatCodeWrongOffset)
        {
            // VARIANT hat-code-wrong-offset (deliberately wrong): the instance's copy lands 256 KiB further
            // on, so the fetch after activation, at the hypervisor copy's offset, finds no code.
            instanceCopy = new MachineAddress(instanceCopy.Cluster, instanceCopy.Offset + WrongHatCodeShift);
        }
        RunStep(instance, InstanceStep.CopyHatCode, () => $"HAT activation code from {from} to {hypervisorCopy} and {instanceCopy}",
            [
                landed => Cpu.Copy(from.Raw, hypervisorCopy.Raw, BootLayout.HatCodeSize, () => landed(null)),
                landed => Cpu.Copy(from.Raw, instanceCopy.Raw, BootLayout.HatCodeSize, () => landed(null)),
            ],
            () => ConfigureHats(instance));
    }

    private void ConfigureHats(Instance instance)
    {
        if (options.Variant == ProtocolVariant.IpiBeforeHatConfig && !instance.HandOffSent)
        {
            // VARIANT ipi-before-hat-config (deliberately wrong): the boot core is woken first, and the
            // HATs it is about to activate are configured afterwards.
            SendHandOffIpi(instance, () => ConfigureHats(instance));
            return;
        }
        SetState(instance, InstanceState.Starting);
        var configuration = HatConfiguration.For(Spec, instance.Allocation);
        var hats = HatsOf(instance);
        RunStep(instance, InstanceStep.ConfigureHats,
            () => $"{instance.Cores.Count} core HATs and {instance.Allocation.ClusterCount} DMA HATs: {configuration}",
            hats.Select(hat => Control(hat, tag => new ConfigureHat(tag, configuration))).ToList(),
            () => ActivateDmaHats(instance));
    }

    private void ActivateDmaHats(Instance instance) =>
        RunStep(instance, InstanceStep.ActivateDmaHats,
            () => $"DMA HATs of {string.Join(" ", instance.Allocation.Clusters)} active",
            instance.Allocation.Clusters.Select(cluster => Control(Machine.DmaHat(cluster), tag => new ActivateHat(tag))).ToList(),
            // VARIANT late-interrupt-routing (deliberately wrong): straight on to the hand-off; the routes follow it.
            () =>
            {
                if (options.Variant == ProtocolVariant.LateInterruptRouting)
                {
                    AssignCores(instance);
                }
                else
                {
                    RouteInterrupts(instance, () => AssignCores(instance));
                }
            });

    /// <summary>The IOC and TTY interrupts go to mailboxes of the instance's cluster 0, enabled into its boot core's line.</summary>
    private void RouteInterrupts(Instance instance, Action next)
    {
        var routes = IopicTable.InstanceRoutes(instance.Allocation, Machine.Layout);
        var bootXicu = Machine.Xicu(instance.Allocation.BootCluster);
        var operations = new List<Operation> { Control(Machine.Iopic, tag => new AddRoutes(tag, routes)) };
        operations.AddRange(routes.Select(route => Control(bootXicu, tag => new SetMask(tag, 0, route.Target.Slot, true))));
        RunStep(instance, InstanceStep.RouteInterrupts, () => string.Join(", ", routes), operations, next);
    }

    private void AssignCores(Instance instance)
    {
        var note = new DataRecord(new CoreAssignment(instance.Id));
        RunStep(instance, InstanceStep.AssignCores,
            () => $"{instance.Cores.Count} cores noted as instance {instance.Id}'s at {BootLayout.CoreAssignmentOf(instance.Cores[0].Cluster, 0)} and on",
            instance.Cores.Select(core => (Operation)(landed =>
                Cpu.Store(BootLayout.CoreAssignmentOf(core.Cluster, core.Index).Raw, BootLayout.CoreAssignmentSize, note, () => landed(null)))).ToList(),
            () => HandOff(instance));
    }

    /// <summary>Wakes P0 C_0i into the HAT activation code; the shell answers the <c>run</c> here and goes on with other commands.</summary>
    private void HandOff(Instance instance)
    {
        if (instance.HandOffSent)
        {
            // The ipi-before-hat-config variant sent it already.
            Booting(instance);
            return;
        }
        SendHandOffIpi(instance, () =>
        {
            Booting(instance);
            if (options.Variant == ProtocolVariant.LateInterruptRouting)
            {
                // VARIANT late-interrupt-routing: the routes the boot core needed before it woke, now.
                RouteInterrupts(instance, () => { });
            }
        });
    }

    private void SendHandOffIpi(Instance instance, Action next)
    {
        instance.HandOffSent = true;
        var bootCore = new CoreId(instance.Allocation.BootCluster, 0);
        var mailbox = Machine.IpiMailbox(bootCore);
        RunStep(instance, InstanceStep.HandOff, () => $"IPI to {bootCore} at {mailbox} with 0x{HatActivationProgram.HandOffValue:X8}",
            [landed => Cpu.WriteMailbox(mailbox.Raw, HatActivationProgram.HandOffValue, () => landed(null))],
            next);
    }

    private void Booting(Instance instance)
    {
        instance.Step = InstanceStep.Boot;
        SetState(instance, InstanceState.Booting);
        WatchBoot(instance);
        if (instance.Launcher is { } launcher)
        {
            instance.Launcher = null;
            Answer(launcher.ReplyTo, launcher.Command, new InstanceLaunched(instance.Info));
        }
        if (instance.RanBeforeHandOffLanded)
        {
            Run(instance);
        }
    }

    /// <summary>How far the hat-code-wrong-offset variant moves the instance's copy (inside the HAT code's MiB, clear of the arch-info).</summary>
    private const uint WrongHatCodeShift = 0x0004_0000;

    /// <summary>
    /// Issues a step's operations together; once every one has landed: turns to the kill asked
    /// meanwhile, or stops if a core fault failed the instance meanwhile, or fails it with the first
    /// refusal, or publishes the step and goes on with <paramref name="next"/>.
    /// </summary>
    private void RunStep(Instance instance, InstanceStep step, Func<string> detail, IReadOnlyList<Operation> operations, Action next)
    {
        instance.Step = step;
        instance.StepInFlight = true;
        string? refusal = null;
        var landed = Completions.AfterAll(operations.Count, () => Landed(refusal));
        foreach (var operation in operations)
        {
            operation(problem =>
            {
                refusal ??= problem;
                landed();
            });
        }

        void Landed(string? problem)
        {
            instance.StepInFlight = false;
            if (instance.KillRequested && instance.State != InstanceState.Stopping)
            {
                BeginKill(instance);
            }
            else if (instance.State == InstanceState.Failed)
            {
                return;
            }
            else if (problem is not null)
            {
                Fail(instance, step, problem);
            }
            else
            {
                Completed(instance, step, detail());
                next();
            }
        }
    }

    /// <summary>A control transaction as an operation: its reply's refusal, if any, is the operation's.</summary>
    private Operation Control(IActorRef unit, Func<long, object> request) =>
        landed => Cpu.Control(unit, request, reply => landed(Refusal(reply)));

    private static string? Refusal(ITaggedReply reply) => reply switch
    {
        AccessRefused refused => $"{refused.By} refused: {refused.Reason}",
        HatOperationDone done => done.Outcome.Refusal is { } reason ? $"HAT {done.Operation} refused: {reason}" : null,
        IopicRoutesChanged changed => changed.Outcome.Refusal is { } reason ? $"IOPIC refused: {reason}" : null,
        _ => null,
    };

    /// <summary>Every HAT of the instance: its cores', then its clusters' DMA HATs.</summary>
    private List<IActorRef> HatsOf(Instance instance) =>
        [.. instance.Cores.Select(Machine.CoreHat), .. instance.Allocation.Clusters.Select(Machine.DmaHat)];

    private MachineAddress RomAddress(RomBlock block) => new(Spec.IoCluster, SegmentMap.RomBase + block.Offset);
}
