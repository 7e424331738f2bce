using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Hardware;
using Akka.Actor;
using PowerCycleSignal = ActorHyper.Actors.Machine.PowerCycle;
using PowerOnSignal = ActorHyper.Actors.Machine.PowerOn;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// A started machine, from outside the actors (a host, a test): its actor and blocking or
/// asynchronous ways to wait for it. Blocking calls drive a controlled system's driver (timeouts
/// are then virtual time), so they are made from the thread that owns it, never from inside an actor.
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

    /// <summary>
    /// Creates the machine under <c>/user/{name}</c>; it assembles and (by default) powers on by itself.
    /// A controlled run begins at power-on: the machine is assembled first, then the driver begins
    /// its run (step 0, virtual time 0), then the cores power on. So a run is the same whether its
    /// machine was just built or power-cycled after other runs (<see cref="PowerCycle"/>).
    /// </summary>
    public static MachineHandle Start(ActorSystem system, MachineSpec spec, MachineOptions? options = null, string name = "machine")
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validated();
        var settings = options ?? MachineOptions.Default;
        if (ControlledDriver.TryGet(system) is not { } driver)
        {
#pragma warning disable AK1008 // Called from outside the actors (a host or a test): a top-level actor is meant.
            return new MachineHandle(system, spec, system.ActorOf(MachineActor.Props(spec, settings), name));
#pragma warning restore AK1008
        }

        // A controlled system's top-level actors are created through its driver, which waits until they are started.
        driver.BetweenRuns();
        var handle = new MachineHandle(system, spec, driver.ActorOf(MachineActor.Props(spec, settings with { PowerOnAtStart = false }), name));
        driver.RunUntilQuiescent();
        driver.BeginRun(driver.Seed);
        if (settings.PowerOnAtStart)
        {
            handle.PowerOn();
        }
        return handle;
    }

    /// <summary>
    /// Controlled runs only: finishes the current run, puts every unit back in its power-on state
    /// (<see cref="PowerCycleSignal"/>), begins a new run with <paramref name="seed"/> (and
    /// <paramref name="strategy"/>, or the random walk of that seed) and powers the machine on: the
    /// run then goes step for step as it would on a machine just built with that seed.
    /// </summary>
    public void PowerCycle(ulong seed, ISchedulingStrategy? strategy = null)
    {
        var driver = ControlledDriver.Of(System);
        driver.RunUntilQuiescent();
        driver.BetweenRuns();
        // A run that a monitor failed (or its step limit stopped) left messages in flight: they are
        // delivered first, in the default order and unrecorded, so none reaches a unit after its reset.
        // Bounded, in case that run could never come to rest.
        var drained = 0L;
        driver.RunUntil(() => drained++ >= driver.StepLimit);
        Wait(Machine.Ask<MachinePoweredOff>(PowerCycleSignal.Instance), Timeout.InfiniteTimeSpan, "the power cycle");
        driver.RunUntilQuiescent();
        driver.BeginRun(seed, strategy);
        PowerOn();
    }

    /// <summary>Powers the cores on (needed only with <see cref="MachineOptions.PowerOnAtStart"/> false).</summary>
    public void PowerOn() => Machine.Tell(PowerOnSignal.Instance, ActorRefs.NoSender);

    /// <summary>
    /// The start's result, when it comes. Concurrent: fails with <see cref="AskTimeoutException"/> after
    /// <paramref name="timeout"/>. Controlled: completes only while the system is driven (by <see cref="WaitUntilStarted"/>, say).
    /// </summary>
    public Task<MachineStartResult> WhenStarted(TimeSpan timeout) => AskMachine<MachineStartResult>(NotifyWhenReady.Instance, timeout);

    /// <summary>Waits until the machine has started or failed to (or the timeout, in the system's time, passes: then throws <see cref="AskTimeoutException"/>).</summary>
    public MachineStartResult WaitUntilStarted(TimeSpan timeout) => Wait(WhenStarted(timeout), timeout, "the machine's start");

    /// <summary>Where every unit is, once they are wired.</summary>
    public MachineDirectory Directory(TimeSpan timeout) =>
        Wait(AskMachine<MachineDirectory>(GetMachineDirectory.Instance, timeout), timeout, "the machine directory");

    /// <summary>Every core's last reported status.</summary>
    public CoreStatuses CoreStatuses(TimeSpan timeout) =>
        Wait(AskMachine<CoreStatuses>(GetCoreStatuses.Instance, timeout), timeout, "the core statuses");

    /// <summary>An Ask of the machine: in a controlled system with no real-time timeout (the wait's deadline is virtual).</summary>
    private Task<T> AskMachine<T>(object request, TimeSpan timeout) =>
        ControlledDriver.IsControlled(System) ? Machine.Ask<T>(request) : Machine.Ask<T>(request, timeout);

    private T Wait<T>(Task<T> task, TimeSpan timeout, string what) => Wait(System, task, timeout, what);

    /// <summary>
    /// Waits for <paramref name="task"/>, an Ask made from outside the actors: a controlled system is
    /// driven until it completes or <paramref name="timeout"/> of virtual time has passed; a concurrent
    /// one is waited for, at most <paramref name="timeout"/> of real time. Throws <see cref="AskTimeoutException"/> if it did not complete.
    /// </summary>
    internal static T Wait<T>(ActorSystem system, Task<T> task, TimeSpan timeout, string what)
    {
        if (ControlledDriver.TryGet(system) is { } driver)
        {
            var outcome = driver.RunUntil(() => task.IsCompleted, Deadline(driver.Now, timeout));
            if (!task.IsCompleted)
            {
                throw new AskTimeoutException(outcome switch
                {
                    RunOutcome.StepLimitReached => $"no answer for {what}: the controlled run reached its step limit after {driver.Steps} steps",
                    RunOutcome.Failed => $"no answer for {what}: the controlled run failed: {driver.Failure}",
                    RunOutcome.Quiescent => $"no answer for {what}: the controlled system is quiescent at step {driver.Steps}",
                    _ => $"no answer for {what} within {timeout} of virtual time",
                });
            }
        }
        else if (!task.IsCompleted && !((IAsyncResult)task).AsyncWaitHandle.WaitOne(timeout))
        {
            throw new AskTimeoutException($"no answer for {what} within {timeout}");
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary><paramref name="now"/> + <paramref name="timeout"/>, saturating (an infinite timeout is no deadline).</summary>
    internal static TimeSpan Deadline(TimeSpan now, TimeSpan timeout) =>
        timeout < TimeSpan.Zero || timeout >= TimeSpan.MaxValue - now ? TimeSpan.MaxValue : now + timeout;
}
