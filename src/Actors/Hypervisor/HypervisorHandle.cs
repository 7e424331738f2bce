using System.Globalization;
using ActorHyper.Actors.Guest;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Monitors;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Hardware;
using Akka.Actor;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// A machine running the hypervisor, from outside the actors (a host, a test): types commands at
/// the shell on P0 C_0 and waits for the replies. Blocking calls drive the scheduler of a controlled
/// system, so they are made from the thread that owns it, never from inside an actor.
/// </summary>
public sealed class HypervisorHandle
{
    private readonly HypervisorOptions options;
    private IActorRef? shell;

    private HypervisorHandle(MachineHandle machine, HypervisorOptions options)
    {
        Machine = machine;
        this.options = options;
    }

    public MachineHandle Machine { get; }

    public ActorSystem System => Machine.System;

    /// <summary>Where every unit of the machine is (known once the machine has started).</summary>
    public MachineDirectory? Directory { get; private set; }

    /// <summary>The shell's core, P0 C_0 (known once the machine has started).</summary>
    public IActorRef Shell => shell ?? throw new InvalidOperationException("the machine has not started yet: call WaitUntilStarted first");

    /// <summary>
    /// Builds the machine with the hypervisor's and the guest's programs (added to
    /// <paramref name="machineOptions"/>'s, which win where they bring their own), starts the Off++
    /// boot-order monitor (and, controlled, the invariant monitors: those <paramref name="monitors"/>
    /// keeps, every one by default; a test that plants a failing guest leaves out failure-has-cause),
    /// and powers the machine on.
    /// </summary>
    public static HypervisorHandle Start(
        ActorSystem system, MachineSpec spec, HypervisorOptions? options = null, MachineOptions? machineOptions = null, GuestOptions? guest = null,
        Func<RunMonitor, bool>? monitors = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var settings = options ?? HypervisorOptions.Default;
        // One variant for the whole machine: the hypervisor's, handed to the hardware and the guest.
        var machine = (machineOptions ?? MachineOptions.Default) with { Variant = settings.Variant };
        guest = (guest ?? GuestOptions.Default) with { Variant = settings.Variant };
        // Subscribed before power-on, so it sees every guest event.
        BootOrderMonitor.Start(system, guest);
        // The boot protocol never writes a mailbox twice before it is read: a controlled run that does fails there.
        if (ControlledDriver.TryGet(system) is { } driver)
        {
            foreach (var monitor in InvariantMonitors.For(spec).Where(monitors ?? (static _ => true)))
            {
                driver.AddMonitor(monitor);
            }
        }
        var programs = GuestPrograms.Library(guest, HypervisorPrograms.Library(settings, machine.Programs));
        return new HypervisorHandle(MachineHandle.Start(system, spec, machine with { Programs = programs }), settings);
    }

    /// <summary>Waits until every core but P0 C_0 waits and the shell runs (or a core faulted first).</summary>
    public MachineStartResult WaitUntilStarted(TimeSpan timeout)
    {
        var result = Machine.WaitUntilStarted(timeout);
        if (result is MachineReady ready)
        {
            shell = ready.Directory.Core(CoreId.MachineBootCore);
            Directory = ready.Directory;
        }
        return result;
    }

    /// <summary>
    /// Controlled runs only: a new run on the same machine, as if it had just been built with
    /// <paramref name="seed"/> (<see cref="MachineHandle.PowerCycle"/>), up to the shell running again.
    /// Exploration runs schedule after schedule this way, without building hundreds of actors each time.
    /// </summary>
    public MachineStartResult PowerCycle(ulong seed, ISchedulingStrategy? strategy = null, TimeSpan? timeout = null)
    {
        shell = null;
        Machine.PowerCycle(seed, strategy);
        return WaitUntilStarted(timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Types <paramref name="command"/> and waits for its reply: as long as the command may take
    /// (a <c>wait</c>'s time limit) plus the reply margin. No reply in time, or a controlled run
    /// that stops first (its step limit, a monitor's failure), is reported as an error reply, not thrown.
    /// </summary>
    public ShellReply Execute(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var limit = ReplyLimit(command);
        if (ControlledDriver.TryGet(System) is { } driver)
        {
            // Wait on the Ask itself: it completes on the shell's step, so a controlled run stops right
            // there (an async wrapper would complete later, on the thread pool, after a varying number of steps).
            // No real-time timeout: the limit is a deadline in virtual time.
            var ask = Shell.Ask<ShellReply>(new ShellInput(command));
            var outcome = driver.RunUntil(() => ask.IsCompleted, MachineHandle.Deadline(driver.Now, limit));
            if (ask.IsCompleted)
            {
                return ask.GetAwaiter().GetResult();
            }
            return outcome is RunOutcome.DeadlineReached or RunOutcome.Quiescent
                ? Unanswered(command, limit)
                : ShellReply.Refused(command.Trim(), $"no answer: {Stopped(driver, outcome)}");
        }
        try
        {
            return Shell.Ask<ShellReply>(new ShellInput(command), limit).GetAwaiter().GetResult();
        }
        catch (AskTimeoutException)
        {
            return Unanswered(command, limit);
        }
    }

    /// <summary>
    /// Types every one of <paramref name="commands"/> at once, in order, before any is answered (the
    /// shell gets the second while it still works on the first), and waits for all the replies, in
    /// the same order. Each is sent from outside the actors, as <see cref="Execute"/> sends one; a
    /// command that gets no answer in time, or a controlled run that stops first, is an error reply.
    /// </summary>
    public IReadOnlyList<ShellReply> ExecuteTogether(IReadOnlyList<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 1)
        {
            return [Execute(commands[0])];
        }

        var limits = commands.Select(ReplyLimit).ToList();
        var longest = limits.Count == 0 ? TimeSpan.Zero : limits.Max();
        if (ControlledDriver.TryGet(System) is { } driver)
        {
            // All sent before the first step: they queue in the one outside→shell channel, in order.
            var asks = commands.Select(command => Shell.Ask<ShellReply>(new ShellInput(command))).ToList();
            var outcome = driver.RunUntil(() => asks.TrueForAll(static ask => ask.IsCompleted), MachineHandle.Deadline(driver.Now, longest));
            return [.. asks.Select((ask, i) => ask.IsCompleted
                ? ask.GetAwaiter().GetResult()
                : outcome is RunOutcome.DeadlineReached or RunOutcome.Quiescent or RunOutcome.ConditionMet
                    ? Unanswered(commands[i], limits[i])
                    : ShellReply.Refused(commands[i].Trim(), $"no answer: {Stopped(driver, outcome)}"))];
        }

        var pending = commands.Select((command, i) => Shell.Ask<ShellReply>(new ShellInput(command), limits[i])).ToList();
        return [.. pending.Select((ask, i) =>
        {
            try
            {
                return ask.GetAwaiter().GetResult();
            }
            catch (AskTimeoutException)
            {
                return Unanswered(commands[i], limits[i]);
            }
        })];
    }

    /// <summary>The same, for a concurrent system, without blocking a thread.</summary>
    public async Task<ShellReply> ExecuteAsync(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (ControlledDriver.IsControlled(System))
        {
            throw new InvalidOperationException("a controlled system is driven by the calling thread: use Execute");
        }
        var limit = ReplyLimit(command);
        try
        {
            return await Shell.Ask<ShellReply>(new ShellInput(command), limit).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return Unanswered(command, limit);
        }
    }

    private static string Stopped(ControlledDriver driver, RunOutcome outcome) => outcome switch
    {
        RunOutcome.StepLimitReached => $"the controlled run reached its step limit after {driver.Steps} deliveries",
        RunOutcome.Failed => $"the controlled run failed: {driver.Failure}",
        _ => $"the controlled run stopped ({outcome}) at step {driver.Steps}",
    };

    private static ShellReply Unanswered(string command, TimeSpan limit) =>
        ShellReply.Refused(command.Trim(), string.Create(CultureInfo.InvariantCulture,
            $"the hypervisor did not answer within {limit.TotalSeconds:0.###} s"));

    private TimeSpan ReplyLimit(string command)
    {
        var parsed = ShellParser.Parse(command).Command;
        var own = parsed is WaitCommand wait ? wait.Timeout ?? options.WaitTimeout : TimeSpan.Zero;
        return own + options.ReplyMargin;
    }
}
