using System.Globalization;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hocon;
using ActorHyper.Host.Configuration;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// The configuration an exploration (or a replay) runs under: <c>reference.conf</c>, the scenario's
/// preset, <c>--config</c>, each <c>--set</c>, then the variant, resolved; and its hash, which a trace
/// file keeps so that a replay under another configuration is refused.
/// </summary>
public sealed record ExplorationConfiguration(Config Tree, ActorHyperOptions Options, ulong Hash, IReadOnlyList<string> Layers)
{
    public string HashText => Format(Hash);

    public static string Format(ulong hash) => string.Create(CultureInfo.InvariantCulture, $"0x{hash:x16}");

    /// <summary>Loads the layers; warnings (unknown settings) go to <paramref name="error"/>.</summary>
    /// <exception cref="HoconException">A syntax, include or substitution problem, positioned.</exception>
    /// <exception cref="ConfigurationException">A value of the wrong type or out of range, positioned.</exception>
    public static ExplorationConfiguration Load(string? preset, string? configFile, IReadOnlyList<string> sets, string variant, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(error);
        var overrides = variant == Variants.None ? sets : [.. sets, Variants.SetArgument(variant)];
        var sources = ConfigurationLoader.Sources(configFile, overrides).ToList();
        if (preset is not null)
        {
            // Above reference.conf, under --config: the scenario says which machine it is for, the command line may still change it.
            sources.Insert(1, BuiltInScenarios.PresetSource(preset) ?? HoconSource.FromFile(preset));
        }

        var tree = HoconLoader.Load(sources);
        foreach (var warning in ConfigurationLoader.UnknownSettings(tree))
        {
            error.WriteLine($"actorhyper: warning: {warning}");
        }

        var options = OptionsBinder.Bind(tree);
        options.Runtime.Mode = "controlled";
        return new ExplorationConfiguration(tree, options, StableHash.Of(tree.ToJson()), [.. sources.Select(static s => s.Origin)]);
    }
}
