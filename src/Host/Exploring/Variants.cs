using ActorHyper.Actors.Machine;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// The protocol variants <c>--variant NAME</c> selects, as the setting <c>actorhyper.variant</c>: the
/// correct protocol (<c>none</c>) or one with a planted bug that a monitor should catch.
/// </summary>
public static class Variants
{
    public const string Setting = "actorhyper.variant";

    public const string None = "none";

    /// <summary>The names the machine knows (<see cref="ProtocolVariants"/>), <c>none</c> first.</summary>
    public static IReadOnlyList<string> Names => ProtocolVariants.Names;

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The <c>--set</c> argument that selects <paramref name="name"/>.</summary>
    public static string SetArgument(string name) => $"{Setting}={name}";
}
