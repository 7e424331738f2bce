using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using Akka.Actor;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// The base of every hardware unit actor. A unit is created before the others exist, so it keeps
/// every message aside until <see cref="WireUnit"/> tells it where the others are, then takes the
/// handlers <see cref="Wired"/> registers and handles what it kept, in order.
/// </summary>
public abstract class HardwareUnitActor : ReceiveActor, IWithUnboundedStash
{
    private MachineDirectory? directory;

    protected HardwareUnitActor(UnitId unit)
    {
        Unit = unit;
        Receive<WireUnit>(wire =>
        {
            directory = wire.Directory;
            Become(() =>
            {
                Receive<PowerOffUnit>(_ => ResetToPowerOn());
                Receive<AuditUnit>(_ => Reply(new UnitAudit(Unit, Residue().ToValueList(), ((ActorCell)Context).Mailbox?.MessageQueue.Count ?? 0)));
                Wired();
            });
            Stash.UnstashAll();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    public UnitId Unit { get; }

    /// <summary>What the unit keeps aside until it is wired (set by Akka).</summary>
    public IStash Stash { get; set; } = null!;

    /// <summary>
    /// The start of a unit's state digest (<see cref="IStateDigest"/>, for units that give one): which
    /// unit, and whether it is wired. A unit is wired, with nothing stashed, before any run begins
    /// (the machine is assembled between runs), so the stash never needs a digest.
    /// </summary>
    protected ulong UnitDigest() => StableHash.Add(MessageDigest.Of(Unit), directory is null ? 0UL : 1UL);

    /// <summary>Whether <see cref="WireUnit"/> has come: the unit takes its own handlers.</summary>
    protected bool IsWired => directory is not null;

    /// <summary>Where the other units are; only once wired.</summary>
    protected MachineDirectory Directory =>
        directory ?? throw new InvalidOperationException($"{Unit} is not wired yet");

    /// <summary>
    /// True when <paramref name="sender"/> is nobody: Akka hands a message told with
    /// <see cref="ActorRefs.NoSender"/> over with the system's dead letters as its sender.
    /// </summary>
    public static bool IsNoSender(IActorRef? sender, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return sender is null || sender.IsNobody() || sender.Equals(system.DeadLetters);
    }

    /// <summary>Registers the unit's handlers (with <c>Receive</c>), once wired.</summary>
    protected abstract void Wired();

    /// <summary>A power cycle: the unit's state back as its constructor made it (a unit with state overrides this).</summary>
    protected virtual void ResetToPowerOn()
    {
    }

    /// <summary>
    /// What the unit holds beyond its idle state, in words, for <see cref="AuditUnit"/>: a unit of a
    /// pooled cluster should hold nothing (a unit with state overrides this).
    /// </summary>
    protected virtual IEnumerable<string> Residue() => [];

    protected void Publish(HardwareEvent hardwareEvent) => Context.System.EventStream.Publish(hardwareEvent);

    /// <summary>Replies to the sender of the current request, unless it has none (a posted write needs no answer).</summary>
    protected void Reply(object reply)
    {
        var sender = Context.Sender;
        if (!IsNoSender(sender, Context.System))
        {
            sender.Tell(reply, Self);
        }
    }

    protected void Refuse(long tag, string reason) => Reply(new AccessRefused(tag, Unit, reason));
}
