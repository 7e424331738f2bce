using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Translation;

// A HAT (a core's or a DMA's): its control operations and the translation of the addresses that
// go through it. Every request is answered with the same tag.

/// <summary>Loads an instance's table (the HAT keeps passing addresses through until activated).</summary>
public sealed record ConfigureHat(long Tag, HatConfiguration Configuration);

/// <summary>Turns translation on: what goes through the HAT is read as instance-physical from now on.</summary>
public sealed record ActivateHat(long Tag);

/// <summary>Back to Off: identity, no table.</summary>
public sealed record ResetHat(long Tag);

/// <summary>The answer to a control operation: success or the HAT's reason for refusing.</summary>
public sealed record HatOperationDone(long Tag, HatOperation Operation, Outcome Outcome) : ITaggedReply;

/// <summary>Translates a raw address as the unit behind the HAT issued it.</summary>
public sealed record Translate(long Tag, ulong Address);

/// <summary>
/// The translation: <see cref="Issued"/> tags the raw address with the space the HAT read it in
/// (instance-physical when active), <see cref="Result"/> is the machine address or the fault.
/// </summary>
public sealed record Translated(long Tag, TaggedAddress Issued, TranslationResult Result) : ITaggedReply;

/// <summary>Asks for the HAT's mode and table. Answered by <see cref="HatSnapshot"/>.</summary>
public sealed record GetHatState
{
    public static GetHatState Instance { get; } = new();
}

public sealed record HatSnapshot(UnitId Hat, HatMode Mode, HatConfiguration? Configuration);
