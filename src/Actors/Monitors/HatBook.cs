using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Monitors;

/// <summary>Every HAT's mode and table as its events tell them (a HAT never heard of is Off, as after power-on).</summary>
internal sealed class HatBook
{
    private readonly Dictionary<UnitId, (HatMode Mode, HatConfiguration? Configuration)> hats = [];
    private ulong? digest;

    public void Clear()
    {
        hats.Clear();
        digest = null;
    }

    /// <summary>What the book holds, whatever order it learnt it in (kept until the next change).</summary>
    public ulong Digest() => digest ??= StateDigests.Unordered(hats, static entry =>
        StableHash.Add(StableHash.Add(MessageDigest.Of(entry.Key), (ulong)entry.Value.Mode), MessageDigest.Of(entry.Value.Configuration)));

    /// <summary>The events <see cref="Observe"/> applies.</summary>
    public static readonly Type[] Events = [typeof(HatConfigured), typeof(HatActivated), typeof(HatReset)];

    /// <summary>Applies a HAT event after the caller has looked at it; true if it was one.</summary>
    public bool Observe(object published)
    {
        switch (published)
        {
            case HatConfigured configured:
                digest = null;
                hats[configured.Unit] = (HatMode.Configured, configured.Configuration);
                return true;
            case HatActivated activated:
                digest = null;
                hats[activated.Unit] = (HatMode.Active, activated.Configuration);
                return true;
            case HatReset reset:
                digest = null;
                hats.Remove(reset.Unit);
                return true;
            default:
                return false;
        }
    }

    public HatMode ModeOf(UnitId hat) => hats.TryGetValue(hat, out var state) ? state.Mode : HatMode.Off;

    /// <summary>The table of an active HAT, or null.</summary>
    public HatConfiguration? ActiveTable(UnitId hat) =>
        hats.TryGetValue(hat, out var state) && state.Mode == HatMode.Active ? state.Configuration : null;
}
