using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Host.Configuration;
using Akka.Actor;
using Serilog;
using Serilog.Events;

namespace ActorHyper.Host.Shell;

/// <summary>
/// One run of the configured machine with the hypervisor on it, for a command that types at its
/// shell: builds the actor system and the machine from the options, waits until the shell runs,
/// executes commands one at a time, and terminates the system when disposed.
/// </summary>
public sealed class HypervisorSession : IDisposable
{
    /// <summary>How long the machine may take to start (system time: virtual in controlled runs).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long disposing waits for a concurrent system to stop.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Steps a controlled run needs to spare for the handle's own start query (an ask and its answer, with room).</summary>
    private const long StartQuerySteps = 64;

    private readonly HypervisorHandle handle;
    private readonly ILogger logger;
    private bool disposed;

    private HypervisorSession(HypervisorHandle handle, ILogger logger)
    {
        this.handle = handle;
        this.logger = logger;
    }

    public ActorSystem System => handle.System;

    /// <summary>The machine and its hypervisor, for a host that looks inside (a soak's leak checks).</summary>
    internal HypervisorHandle Handle => handle;

    /// <summary>
    /// Starts the machine the options describe and waits until its shell runs.
    /// </summary>
    /// <param name="machineOptions">How the machine is built beyond its spec (tests put in programs of their own).</param>
    /// <exception cref="SessionFailedException">The machine did not start; the message is one line.</exception>
    /// <param name="akka">Akka settings over the configuration's own (a soak's observed mailboxes).</param>
    /// <param name="beforePowerOn">Called with the new system before the machine is built and powered on (a soak attaches its monitors there).</param>
    public static HypervisorSession Start(ActorHyperOptions options, ILogger logger, MachineOptions? machineOptions = null,
        Akka.Configuration.Config? akka = null, Action<ActorSystem>? beforePowerOn = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var spec = OptionsBinder.ToMachineSpec(options.Machine);
        var hypervisor = OptionsBinder.ToHypervisorOptions(options);
        var system = CreateSystem(options, logger, akka);
        beforePowerOn?.Invoke(system);
        var session = new HypervisorSession(
            HypervisorHandle.Start(system, spec, hypervisor, machineOptions, new Actors.Guest.GuestOptions { Dtlb = options.Guest.Dtlb }), logger);
        try
        {
            session.WaitUntilStarted(options.Runtime.StepLimit);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        logger.Debug("Machine {MeshX}x{MeshY} started, {Mode} mode, seed {Seed}", spec.MeshX, spec.MeshY,
            MachineSystems.ModeOf(system), options.Runtime.Seed);
        return session;
    }

    /// <summary>The controlled run's driver; null when the machine runs on real threads.</summary>
    public ControlledDriver? Driver => ControlledDriver.TryGet(System);

    /// <summary>
    /// The actor system the options describe: Akka configured from the program's own layers
    /// (<see cref="AkkaConfiguration"/>), its log events going to <paramref name="logger"/>.
    /// </summary>
    internal static ActorSystem CreateSystem(ActorHyperOptions options, ILogger logger, Akka.Configuration.Config? akka = null)
    {
        var tree = options.Tree ?? ConfigurationLoader.Load(null, []);
        // Akka.Logger.Serilog writes to Serilog's global logger: the program has one pipeline.
        Log.Logger = logger;
        var configured = AkkaConfiguration.For(tree, options.Runtime, LevelOf(logger));
        var system = ActorSystem.Create("actorhyper", akka is null ? configured : akka.WithFallback(configured));
        if (ControlledDriver.TryGet(system) is { } driver)
        {
            driver.Logger = logger;
        }

        return system;
    }

    private static LogEventLevel LevelOf(ILogger logger) =>
        Enum.GetValues<LogEventLevel>().FirstOrDefault(logger.IsEnabled, LogEventLevel.Fatal);

    /// <summary>
    /// Types <paramref name="command"/> at the shell and returns its reply. Never throws for a slow
    /// or stuck hypervisor: that is an error reply.
    /// </summary>
    public ShellReply Execute(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(disposed, this);
        var reply = handle.Execute(command);
        logger.Debug("{Command} -> {Reply}", command, reply);
        return reply;
    }

    /// <summary>Concurrent sessions only: types <paramref name="command"/> without blocking, so the console can look at other things meanwhile.</summary>
    public Task<ShellReply> ExecuteAsync(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(disposed, this);
        return handle.ExecuteAsync(command);
    }

    /// <summary>Types every one of <paramref name="commands"/> at once (none waits for another's reply) and returns their replies in order.</summary>
    public IReadOnlyList<ShellReply> ExecuteTogether(IReadOnlyList<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ObjectDisposedException.ThrowIf(disposed, this);
        var replies = handle.ExecuteTogether(commands);
        foreach (var reply in replies)
        {
            logger.Debug("{Command} -> {Reply}", reply.Command, reply);
        }

        return replies;
    }

    /// <summary>
    /// Types <paramref name="command"/> at the shell and goes on without waiting for its reply (a
    /// controlled run delivers it when the schedule says; the liveness monitor still wants it answered).
    /// </summary>
    public void Type(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(disposed, this);
        // An ask, not a tell: the reply has somewhere to go other than the dead letters.
        _ = handle.Shell.Ask<ShellReply>(new ShellInput(command));
        logger.Debug("{Command} typed, not waited for", command);
    }

    /// <summary>
    /// Controlled sessions only: the next run, with <paramref name="seed"/>, on the same machine put
    /// back in its power-on state, under <paramref name="strategy"/> (or the random walk of the seed); it
    /// goes step for step as a new session with that seed would.
    /// </summary>
    /// <exception cref="SessionFailedException">The machine did not start again.</exception>
    public void PowerCycle(ulong seed, ISchedulingStrategy? strategy = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (handle.PowerCycle(seed, strategy, StartTimeout) is MachineStartFailed failed)
        {
            throw new SessionFailedException($"the machine did not start again: core {failed.Core} {failed.Fault}");
        }
    }

    /// <summary>Whether an instance is Failed now (a <c>ps</c> that is not shown); a refused <c>ps</c> counts as failed.</summary>
    public bool AnyInstanceFailed()
    {
        var reply = Execute("ps");
        return reply.Answer is not InstanceTable table || table.Instances.Any(i => i.State == InstanceState.Failed);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (Driver is { } driver)
        {
            // A controlled system stops only while driven: its actors' stopping is system messages.
            driver.Terminate(StopTimeout);
            if (!System.WhenTerminated.IsCompleted)
            {
                logger.Warning("The actor system did not finish stopping within {Seconds} s", StopTimeout.TotalSeconds);
            }
        }
        else if (!System.Terminate().Wait(StopTimeout))
        {
            logger.Warning("The actor system did not stop within {Seconds} s", StopTimeout.TotalSeconds);
        }
    }

    /// <summary>
    /// In a controlled run, drives the scheduler until the machine has started, so a step limit
    /// or a fault is a one-line message rather than a wait that cannot end.
    /// </summary>
    private void WaitUntilStarted(long stepLimit)
    {
        MachineStartResult result;
        try
        {
            result = handle.WaitUntilStarted(StartTimeout);
        }
        catch (AskTimeoutException e)
        {
            throw new SessionFailedException(Driver is { } stopped && stopped.Steps >= stepLimit
                ? $"the machine did not start: {StepLimitReached(stopped)}"
                : $"the machine did not start: {e.Message}");
        }

        if (Driver is { } driver && driver.Steps + StartQuerySteps > stepLimit)
        {
            throw new SessionFailedException($"the machine did not start: {StepLimitReached(driver)}");
        }

        if (result is MachineStartFailed failed)
        {
            throw new SessionFailedException($"the machine did not start: core {failed.Core} {failed.Fault}");
        }
    }

    private static string StepLimitReached(ControlledDriver driver) =>
        $"the controlled run reached its step limit ({driver.Steps} deliveries; actorhyper.runtime.step-limit)";
}
