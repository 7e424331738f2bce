using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// The dispatcher of controlled actors. A user message is not enqueued: it is handed to the
/// <see cref="ControlledDriver"/>, which holds it in its sender→receiver channel until a step delivers
/// it to the actor itself. System messages take Akka's own path; the mailbox runs they cause come to
/// <see cref="ExecuteTask"/> and the driver runs them, in the order they came, between steps.
/// </summary>
public sealed class ControlledDispatcher : MessageDispatcher
{
    internal ControlledDispatcher(MessageDispatcherConfigurator configurator, ControlledDriver driver, string id)
        : base(configurator)
    {
        Driver = driver;
        Id = id;
        Throughput = 1;
        // Deliveries do not go through Mailbox.Run; the runs for system messages do, with no user
        // message queued. Should one be, Mailbox.ProcessMailbox would handle two at throughput 1
        // unless a deadline is set: any deadline ends a run after one message.
        ThroughputDeadlineTime = 1;
    }

    public ControlledDriver Driver { get; }

    public override void Dispatch(ActorCell cell, Envelope envelope) => Driver.Hold(cell, envelope);

    /// <summary>Akka's own path; the driver notes who sent it, for causal delivery.</summary>
    public override void SystemDispatch(ActorCell cell, Akka.Dispatch.SysMsg.SystemMessage message)
    {
        Driver.OnSystemMessage(cell);
        base.SystemDispatch(cell, message);
    }

    /// <summary>The driver keeps every controlled actor, for state digests.</summary>
    public override void Attach(ActorCell cell)
    {
        base.Attach(cell);
        Driver.OnAttached(cell);
    }

    /// <summary>Unregisters without scheduling the dispatcher's shutdown: that would be a timer in the run's virtual time.</summary>
    public override void Detach(ActorCell cell)
    {
        MailboxAccess.Unregister(this, cell);
        Driver.OnDetached(cell);
    }

    protected override void ExecuteTask(IRunnable run) => Driver.EnqueueWork(run);

    protected override void Shutdown()
    {
        // Nothing to release: the driver's thread belongs to its caller.
    }
}

/// <summary>
/// Named in HOCON as a dispatcher's <c>type</c>. Requires <see cref="VirtualTimeScheduler"/> as the
/// system's scheduler, which owns the system's one <see cref="ControlledDriver"/>.
/// </summary>
public sealed class ControlledDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly ControlledDispatcher _dispatcher;

    public ControlledDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : base(config, prerequisites)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(prerequisites);
        if (prerequisites.Scheduler is not VirtualTimeScheduler scheduler)
        {
            throw new ConfigurationException(
                $"dispatcher '{config.GetString("id")}' is controlled, so akka.scheduler.implementation must be " +
                $"\"{typeof(VirtualTimeScheduler).FullName}, {typeof(VirtualTimeScheduler).Assembly.GetName().Name}\" " +
                $"(found {prerequisites.Scheduler.GetType().FullName})");
        }

        scheduler.Driver.Attach(prerequisites.Settings.System);
        _dispatcher = new ControlledDispatcher(this, scheduler.Driver, config.GetString("id"));
    }

    public override MessageDispatcher Dispatcher() => _dispatcher;
}
