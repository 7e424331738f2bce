using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Translation;
using Akka.Actor;

namespace ActorHyper.Actors.Translation;

/// <summary>
/// A HAT: a core's or a DMA's address translation unit, owning its <see cref="HatState"/>. The unit
/// behind it asks for each translation and then goes to the machine address itself; control
/// operations come from whoever configures the instance (the hypervisor, or the core itself for
/// activation). A refused operation is answered and published, and changes nothing.
/// </summary>
public sealed class HatActor(UnitId unit) : HardwareUnitActor(unit), IStateDigest
{
    private readonly HatState hat = new();

    public static Props Props(UnitId unit) => ProducedProps.Of(() => new HatActor(unit));

    protected override void Wired()
    {
        Receive<Translate>(OnTranslate);
        Receive<ConfigureHat>(configure => Control(configure.Tag, HatOperation.Configure, hat.Configure(configure.Configuration)));
        Receive<ActivateHat>(activate => Control(activate.Tag, HatOperation.Activate, hat.Activate()));
        Receive<ResetHat>(reset =>
        {
            hat.Reset();
            Control(reset.Tag, HatOperation.Reset, Outcome.Success);
        });
        Receive<GetHatState>(_ => Reply(new HatSnapshot(Unit, hat.Mode, hat.Configuration)));
    }

    protected override void ResetToPowerOn() => hat.Reset();

    protected override IEnumerable<string> Residue()
    {
        if (hat.Mode != HatMode.Off || hat.Configuration is not null)
        {
            yield return $"HAT {hat}";
        }
    }

    /// <summary>Its mode and table: all a HAT's future answers depend on.</summary>
    public ulong StateDigest() => StableHash.Add(StableHash.Add(UnitDigest(), (ulong)hat.Mode), MessageDigest.Of(hat.Configuration));

    private void OnTranslate(Translate translate)
    {
        var space = hat.Mode == HatMode.Active ? AddressSpace.Instance : AddressSpace.Machine;
        Reply(new Translated(translate.Tag, new TaggedAddress(space, translate.Address), hat.Translate(translate.Address)));
    }

    private void Control(long tag, HatOperation operation, Outcome outcome)
    {
        HardwareEvent happened = outcome.Refusal is { } reason
            ? new HatRefused(Context.Now, Unit, operation, reason)
            : operation switch
            {
                HatOperation.Configure => new HatConfigured(Context.Now, Unit, hat.Configuration!),
                HatOperation.Activate => new HatActivated(Context.Now, Unit, hat.Configuration!),
                _ => new HatReset(Context.Now, Unit),
            };
        Publish(happened);
        Reply(new HatOperationDone(tag, operation, outcome));
    }
}
