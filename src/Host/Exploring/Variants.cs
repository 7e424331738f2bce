namespace ActorHyper.Host.Exploring;

/// <summary>
/// The protocol variants <c>--variant NAME</c> selects, as the setting <c>actorhyper.variant</c>: the
/// correct protocol (<c>none</c>) or one with a planted bug that a monitor should catch.
/// </summary>
public static class Variants
{
    public const string Setting = "actorhyper.variant";

    public const string None = "none";

    public static IReadOnlyList<string> Names { get; } =
    [
        None,
        "ipi-before-hat-config",
        "hat-code-wrong-offset",
        "unlatched-wakeup",
        "racy-allocation",
        "late-interrupt-routing",
        "early-nonboot-cpus",
    ];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The <c>--set</c> argument that selects <paramref name="name"/>.</summary>
    public static string SetArgument(string name) => $"{Setting}={name}";
}
