using System.Reflection;
using ActorHyper.Hocon;

namespace ActorHyper.Host.Configuration;

/// <summary>
/// Builds the program's configuration from its layers: the built-in <c>reference.conf</c>, then
/// <c>--config FILE</c>, then each <c>--set path=value</c> in order.
/// </summary>
public static class ConfigurationLoader
{
    public const string ReferenceOrigin = "reference.conf";

    private static readonly Lazy<string> ReferenceText = new(ReadReference);
    private static readonly Lazy<Config> ReferenceTree = new(() => HoconLoader.LoadText(ReferenceText.Value, ReferenceOrigin, _ => null));

    /// <summary>The built-in reference configuration (a copy of <c>hocon/reference.conf</c>).</summary>
    public static string Reference => ReferenceText.Value;

    /// <summary>Loads and resolves the layers. Throws <see cref="HoconException"/> with the file, line and column of a problem.</summary>
    public static Config Load(string? configFile, IReadOnlyList<string> overrides, Func<string, string?>? environment = null) =>
        HoconLoader.Load(Sources(configFile, overrides), environment);

    /// <summary>The layers, lowest priority first; each source's <c>Origin</c> is how errors and --verbose name it.</summary>
    public static IReadOnlyList<HoconSource> Sources(string? configFile, IReadOnlyList<string> overrides)
    {
        var sources = new List<HoconSource> { HoconSource.FromText(ReferenceText.Value, ReferenceOrigin) };
        if (configFile is not null)
        {
            sources.Add(string.IsNullOrWhiteSpace(configFile)
                ? throw new ConfigurationException("--config: the file name is empty")
                : HoconSource.FromFile(configFile));
        }

        sources.AddRange(overrides.Select((argument, index) => HoconSource.FromSetArgument(argument, index + 1)));
        return sources;
    }

    /// <summary>
    /// Settings under <c>actorhyper</c> that <c>reference.conf</c> does not define: almost always a
    /// misspelling, which would otherwise be silently ignored.
    /// </summary>
    public static IReadOnlyList<string> UnknownSettings(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var unknown = new List<string>();
        if (config.Root.TryGetValue("actorhyper", out var section) && section is HoconObject settings)
        {
            CollectUnknown(settings, ReferenceTree.Value.Root["actorhyper"] as HoconObject, "actorhyper", unknown);
        }

        return unknown;
    }

    private static void CollectUnknown(HoconObject settings, HoconObject? reference, string prefix, List<string> unknown)
    {
        foreach (var (key, value) in settings.Fields)
        {
            var path = prefix + "." + key;
            if (reference is null || !reference.TryGetValue(key, out var known))
            {
                unknown.Add($"{value.Position?.ToString() ?? path}: unknown setting {path} (not in {ReferenceOrigin}; check the spelling)");
            }
            else if (value is HoconObject child)
            {
                CollectUnknown(child, known as HoconObject, path, unknown);
            }
        }
    }

    private static string ReadReference()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ReferenceOrigin)
            ?? throw new InvalidOperationException("reference.conf is not embedded in the program");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
