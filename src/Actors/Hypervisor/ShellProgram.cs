using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Resources;
using Akka.Actor;
using Akka.Event;
using Debug = System.Diagnostics.Debug;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// The hypervisor shell on P0 C_0 (seed 000). Command lines arrive as <see cref="ShellInput"/>
/// messages and each gets one <see cref="ShellReply"/>. The shell never blocks: a <c>run</c>
/// allocates at once (or refuses, allocating nothing), then walks the launch steps in the
/// continuations of the core's instructions (<c>ShellProgram.Launch.cs</c>) and answers at the
/// hand-off, so launches overlap; a <c>kill</c> walks the teardown (<c>ShellProgram.Kill.cs</c>).
/// The machine forwards every core's status reports here: that is how the shell sees an instance's
/// cores reach the boot loader, or fault.
/// </summary>
public sealed partial class ShellProgram(HypervisorOptions options) : IHypervisorProgram
{
    private readonly SortedDictionary<int, Instance> instances = [];
    private readonly List<PendingWait> waits = [];
    private readonly Queue<PendingQuery> ttyRequests = new();
    private readonly Queue<PendingQuery> frameRequests = new();

    /// <summary>Command lines that came before the machine confirmed the watch of the cores' statuses (<see cref="CoreStatusWatched"/>), in order.</summary>
    private readonly Queue<(string Text, IActorRef ReplyTo)> heldInput = new();
    private bool watching;
    private IHypervisorCpu? cpu;
    private ResourcePools? pools;
    private int lastWaitId;
    private int lastBootWatch;

    private IHypervisorCpu Cpu => cpu ?? throw new InvalidOperationException("the shell has not started");

    private MachineDirectory Machine => Cpu.Machine;

    private MachineSpec Spec => Machine.Spec;

    private ResourcePools Pools => pools ?? throw new InvalidOperationException("the shell has not started");

    private UnitId Unit => UnitId.Core(Cpu.Core);

    public void Run(IHypervisorCpu cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        this.cpu = cpu;
        pools = new ResourcePools(cpu.Machine.Spec);
        cpu.Tell(cpu.Machine.MachineActor, new WatchCoreStatus(cpu.Self));
        ListenForRunning();
    }

    /// <summary>
    /// The shell never executes <c>wait</c> (its input comes as messages), but it takes interrupts:
    /// a guest's boot core writes its instance id to the instance's Running mailbox in the hypervisor
    /// cluster's XICU, enabled into P0 C_0's line.
    /// </summary>
    public void OnInterrupt(IHypervisorCpu cpu, int slot)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        cpu.ReadMailbox(slot, read =>
        {
            OnRunningMailbox(slot, read.WasPending, read.Value);
            cpu.ListenForInterrupts();
        });
    }

    public bool Receive(IHypervisorCpu cpu, object message)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        switch (message)
        {
            case ShellInput input when !watching:
                // A kill begun before the watch holds would miss its cores' way to parked and back.
                heldInput.Enqueue((input.Text, cpu.Sender));
                return true;
            case ShellInput input:
                Execute(input.Text, cpu.Sender);
                return true;
            case CoreStatusWatched:
                watching = true;
                while (heldInput.TryDequeue(out var held))
                {
                    Execute(held.Text, held.ReplyTo);
                }
                return true;
            case CoreStatusReport report:
                OnCoreStatus(report);
                return true;
            case TtyOutput output:
                OnTtyOutput(output);
                return true;
            case FrameContent frame:
                OnFrame(frame);
                return true;
            case WaitExpired expired:
                OnWaitExpired(expired);
                return true;
            case BootOverdue overdue:
                OnBootOverdue(overdue);
                return true;
            case AuditHypervisor:
                cpu.Tell(cpu.Sender, new HypervisorAudit(Pools.Snapshot(), Pools.ConservationProblem(), Table()));
                return true;
            default:
                return false;
        }
    }

    private void Execute(string text, IActorRef replyTo)
    {
        var parse = ShellParser.Parse(text);
        Cpu.Log.Debug("Shell: {Command}", parse.Text);
        switch (parse.Command)
        {
            case null:
                Refuse(replyTo, parse.Text, parse.Problem ?? "unreadable command");
                break;
            case RunCommand run:
                Launch(run, replyTo);
                break;
            case KillCommand kill:
                Kill(kill, replyTo);
                break;
            case PsCommand ps:
                Answer(replyTo, ps.Text, new InstanceTable(Table()));
                break;
            case MapCommand map:
                Answer(replyTo, map.Text, new ClusterMap(Spec.MeshX, Spec.MeshY, Pools.Snapshot().Clusters, Spec.IoCluster));
                break;
            case TtyCommand tty:
                ShowTty(tty, replyTo);
                break;
            case WaitCommand wait:
                Wait(wait, replyTo);
                break;
            case HelpCommand help:
                Answer(replyTo, help.Text, new HelpText((help.Topic is { } topic ? ShellParser.HelpFor(topic) ?? [] : ShellParser.Help).ToValueList()));
                break;
            case InfoCommand info:
                WithInstance(replyTo, info.Text, info.InstanceId, instance => new InstanceDetails(
                    instance.Info,
                    instance.Steps.ToValueList(),
                    instance.Cores.Select(core => new CoreReport(core, instance.CoreStatuses.GetValueOrDefault(core, CoreStatus.Waiting))).ToValueList(),
                    instance.Steps.Any(step => step.Step == InstanceStep.ConfigureHats)
                        ? Hardware.Translation.HatConfiguration.For(Spec, instance.Allocation).ToString()
                        : null));
                break;
            case TimelineCommand timeline:
                WithInstance(replyTo, timeline.Text, timeline.InstanceId, instance => new InstanceTimeline(instance.Id, instance.State, instance.Steps.ToValueList()));
                break;
            case FbCommand fb:
                ShowFrame(fb, replyTo);
                break;
            case ExitCommand exit:
                Refuse(replyTo, exit.Text, "exit leaves the console; the hypervisor's shell runs as long as the machine");
                break;
            default:
                Refuse(replyTo, parse.Text, $"the shell cannot run '{parse.Text}'");
                break;
        }
    }

    /// <summary>The instances that hold resources, by id.</summary>
    private ValueList<InstanceInfo> Table() =>
        instances.Values.Where(instance => instance.State != InstanceState.Stopped).Select(instance => instance.Info).ToValueList();

    private string NoSuchInstance(int id) =>
        instances.Count == 0
            ? $"no instance {id}: none is running"
            : $"no instance {id} (instances: {string.Join(", ", instances.Keys)})";

    private void ShowTty(TtyCommand tty, IActorRef replyTo)
    {
        if (!instances.TryGetValue(tty.InstanceId, out var instance))
        {
            Refuse(replyTo, tty.Text, NoSuchInstance(tty.InstanceId));
            return;
        }
        ttyRequests.Enqueue(new PendingQuery(replyTo, tty.Text, instance.Id));
        Cpu.Tell(Machine.Tty, new GetTtyOutput(instance.Allocation.TtyChannel, tty.SubChannel));
    }

    /// <summary>Answers with what <paramref name="answer"/> makes of the instance, or refuses if there is no such instance.</summary>
    private void WithInstance(IActorRef replyTo, string command, int id, Func<Instance, ShellAnswer> answer)
    {
        if (instances.TryGetValue(id, out var instance) && instance.State != InstanceState.Stopped)
        {
            Answer(replyTo, command, answer(instance));
        }
        else
        {
            Refuse(replyTo, command, NoSuchInstance(id));
        }
    }

    private void ShowFrame(FbCommand fb, IActorRef replyTo)
    {
        if (!instances.TryGetValue(fb.InstanceId, out var instance))
        {
            Refuse(replyTo, fb.Text, NoSuchInstance(fb.InstanceId));
            return;
        }
        frameRequests.Enqueue(new PendingQuery(replyTo, fb.Text, instance.Id));
        Cpu.Tell(Machine.Fbf, new GetFrame(instance.Allocation.FbChannel));
    }

    /// <summary>The frame buffer answers in the order asked.</summary>
    private void OnFrame(FrameContent frame)
    {
        if (frameRequests.TryDequeue(out var request))
        {
            Answer(request.ReplyTo, request.Command,
                new FrameShown(request.InstanceId, frame.Channel, Hardware.Display.FrameGeometry.Width, Hardware.Display.FrameGeometry.Height, frame.Fills));
        }
    }

    /// <summary>The TTY answers in the order asked.</summary>
    private void OnTtyOutput(TtyOutput output)
    {
        if (ttyRequests.TryDequeue(out var request))
        {
            Answer(request.ReplyTo, request.Command, new TtyLines(request.InstanceId, output.Channel, output.SubChannel, output.Lines));
        }
    }

    /// <summary>Follows the instance's cores: into a fault (Failed), through a kill.</summary>
    private void OnCoreStatus(CoreStatusReport report)
    {
        var owner = Pools.OwnerOf(report.Core.Cluster);
        if (owner.Kind != OwnerKind.Instance || !instances.TryGetValue(owner.InstanceId, out var instance))
        {
            return;
        }
        instance.CoreStatuses[report.Core] = report.Status;
        if (instance.State == InstanceState.Stopping)
        {
            TrackParking(instance, report);
            return;
        }
        if (report.Status.Fault is { } fault)
        {
            if (instance.State != InstanceState.Failed)
            {
                Fail(instance, instance.Step, $"core {report.Core} faulted: {fault}");
            }
        }
    }

    private void SetState(Instance instance, InstanceState state, string? reason = null)
    {
        var previous = instance.State;
        Debug.Assert(state.MayFollow(previous), $"instance {instance.Id}: {previous} -> {state} is not a step of its lifecycle");
        instance.State = state;
        if (state != InstanceState.Booting)
        {
            StopWatchingBoot(instance);
        }
        if (reason is null)
        {
            Cpu.Log.Info("Instance {InstanceId}: {Previous} -> {State}", instance.Id, previous, state);
        }
        else
        {
            Cpu.Log.Warning("Instance {InstanceId}: {Previous} -> {State}: {Reason}", instance.Id, previous, state, reason);
        }
        Cpu.Publish(new InstanceStateChanged(Cpu.Now, Unit, instance.Id, previous, state, reason));
        SettleWaits();
    }

    private void Completed(Instance instance, InstanceStep step, string detail)
    {
        Cpu.Log.Debug("Instance {InstanceId}: {Step}: {Detail}", instance.Id, step, detail);
        instance.Steps.Add(new StepRecord(step, Cpu.Now, detail));
        Cpu.Publish(new InstanceStepCompleted(Cpu.Now, Unit, instance.Id, step, detail));
    }

    /// <summary>Fails the instance at <paramref name="step"/>: it keeps what it holds until <c>kill</c>; an unanswered <c>run</c> gets the reason.</summary>
    private void Fail(Instance instance, InstanceStep step, string reason)
    {
        instance.FailedStep = step;
        instance.FailureReason = reason;
        SetState(instance, InstanceState.Failed, $"{step}: {reason}");
        if (instance.Launcher is { } launcher)
        {
            instance.Launcher = null;
            Refuse(launcher.ReplyTo, launcher.Command, $"instance {instance.Id} failed at {step}: {reason}");
        }
    }

    private void Answer(IActorRef replyTo, string command, ShellAnswer answer) => Reply(replyTo, ShellReply.Done(command, answer));

    private void Refuse(IActorRef replyTo, string command, string error) => Reply(replyTo, ShellReply.Refused(command, error));

    /// <summary>Every answer is published too: the liveness monitor pairs them with the commands typed.</summary>
    private void Reply(IActorRef replyTo, ShellReply reply)
    {
        Cpu.Publish(new ShellAnswered(Cpu.Now, Unit, reply.Command, reply.Succeeded));
        Cpu.Tell(replyTo, reply);
    }

    /// <summary>A command waiting for a device's answer (the TTY's lines, the FBF's frame), which come in the order asked.</summary>
    private sealed record PendingQuery(IActorRef ReplyTo, string Command, int InstanceId);
}
