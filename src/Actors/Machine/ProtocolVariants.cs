namespace ActorHyper.Actors.Machine;

/// <summary>The configuration names of <see cref="ProtocolVariant"/> (<c>actorhyper.variant</c>), and what each breaks.</summary>
public static class ProtocolVariants
{
    private static readonly (string Name, ProtocolVariant Variant, string Breaks)[] Table =
    [
        ("none", ProtocolVariant.None, "the correct protocol"),
        ("ipi-before-hat-config", ProtocolVariant.IpiBeforeHatConfig, "the hand-off IPI is sent before the HATs are configured"),
        ("hat-code-wrong-offset", ProtocolVariant.HatCodeWrongOffset, "the instance's copy of the HAT code is not at the offset the cores fetch"),
        ("unlatched-wakeup", ProtocolVariant.UnlatchedWakeup, "wait clears a pending IPI: a wake-up sent before the wait is lost"),
        ("racy-allocation", ProtocolVariant.RacyAllocation, "clusters are checked and taken in two messages: two launches can take the same cluster"),
        ("late-interrupt-routing", ProtocolVariant.LateInterruptRouting, "routes and masks are set after the hand-off IPI"),
        ("early-nonboot-cpus", ProtocolVariant.EarlyNonbootCpus, "the guest starts the non-boot cpus before the shuttle server"),
    ];

    /// <summary>Every valid name, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(entry => entry.Name)];

    public static bool TryParse(string? name, out ProtocolVariant variant)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                variant = entry.Variant;
                return true;
            }
        }
        variant = ProtocolVariant.None;
        return false;
    }

    public static string NameOf(ProtocolVariant variant) => Table.First(entry => entry.Variant == variant).Name;

    /// <summary>What the variant gets wrong, in a few words.</summary>
    public static string Describe(ProtocolVariant variant) => Table.First(entry => entry.Variant == variant).Breaks;
}
