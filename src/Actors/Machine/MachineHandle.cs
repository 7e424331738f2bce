using ActorHyper.Hardware;
using ActorHyper.Runtime;
using PowerOnSignal = ActorHyper.Actors.Machine.PowerOn;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// A started machine, from outside the actors (a host, a test): its actor and blocking or
/// asynchronous ways to wait for it. Blocking calls drive the scheduler of a controlled system, so
/// they are made from the thread that owns it, never from inside an actor.
/// </summary>
public sealed class MachineHandle
{
    private MachineHandle(ActorSystem system, MachineSpec spec, IActorRef machine)
    {
        System = system;
        Spec = spec;
        Machine = machine;
    }

    public ActorSystem System { get; }

    public MachineSpec Spec { get; }

    /// <summary>The machine actor (<c>/user/{name}</c>).</summary>
    public IActorRef Machine { get; }

    /// <summary>Creates the machine under <c>/user/{name}</c>; it assembles and (by default) powers on by itself.</summary>
    public static MachineHandle Start(ActorSystem system, MachineSpec spec, MachineOptions? options = null, string name = "machine")
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validated();
        return new MachineHandle(system, spec, system.ActorOf(MachineActor.Props(spec, options), name));
    }

    /// <summary>Powers the cores on (needed only with <see cref="MachineOptions.PowerOnAtStart"/> false).</summary>
    public void PowerOn() => Machine.Tell(PowerOnSignal.Instance);

    public Task<MachineStartResult> WhenStarted(TimeSpan timeout) => Machine.Ask<MachineStartResult>(NotifyWhenReady.Instance, timeout);

    /// <summary>Waits until the machine has started or failed to (or the timeout, in the system's time, passes: then throws).</summary>
    public MachineStartResult WaitUntilStarted(TimeSpan timeout) => Wait(WhenStarted(timeout));

    /// <summary>Where every unit is, once they are wired.</summary>
    public MachineDirectory Directory(TimeSpan timeout) => Wait(Machine.Ask<MachineDirectory>(GetMachineDirectory.Instance, timeout));

    /// <summary>Every core's last reported status.</summary>
    public CoreStatuses CoreStatuses(TimeSpan timeout) => Wait(Machine.Ask<CoreStatuses>(GetCoreStatuses.Instance, timeout));

    private T Wait<T>(Task<T> task)
    {
        if (System.Mode == ExecutionMode.Controlled)
        {
            System.Controlled.RunUntil(() => task.IsCompleted);
        }
        return task.GetAwaiter().GetResult();
    }
}
