using ActorHyper.Hocon;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// The scenarios <c>--scenario NAME</c> knows, for the default 4×4 machine (ioc channels 0–15,
/// instance id = channel), but <c>smallest</c>, which runs on the built-in preset <c>tsar-2x1.conf</c>.
/// </summary>
public static class BuiltInScenarios
{
    /// <summary>How a scenario names a preset built into the program (<c>hocon/tsar-2x1.conf</c>), as a trace file keeps it.</summary>
    public const string BuiltInPreset = "built-in:";

    /// <summary>The built-in scenarios that run on a built-in preset, not on the default machine.</summary>
    private static readonly Dictionary<string, string> Presets = new(StringComparer.Ordinal)
    {
        ["smallest"] = "tsar-2x1.conf",
    };

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["default"] = """
            # Two instances booting side by side, then wait until both run.
            run -nc 2 -i 6
            run -nc 3 -i 2
            wait
            """,
        ["launch-kill"] = """
            # A run and a kill of the same instance typed at once: the kill meets the launch half done.
            run -nc 2 -i 6 & kill -i 6
            wait
            """,
        ["kill-during-dma"] = """
            # The run is answered at the hand-off IPI; the kill follows at once, while the boot loader
            # loads the kernel by DMA. Then a second instance on the same resources.
            run -nc 2 -i 6
            kill -i 6
            run -nc 2 -i 6
            wait
            """,
        ["smallest"] = """
            # The smallest machine (2x1 clusters of one core: the hypervisor's and one free): one instance
            # on the free cluster, then wait until it runs: the scenario for --strategy dfs.
            run -nc 1 -i 1
            wait
            """,
        ["full-machine"] = """
            # Every cluster but the hypervisor's: 15 of the 4x4 mesh, three launches typed at once, and one too many.
            run -nc 5 -i 1 & run -nc 5 -i 2 & run -nc 5 -i 3
            run -nc 1 -i 4
            wait
            """,
    };

    public static IReadOnlyList<string> Names => [.. Texts.Keys];

    public static bool TryGet(string name, out Scenario scenario)
    {
        scenario = null!;
        if (!Texts.TryGetValue(name, out var text))
        {
            return false;
        }

        scenario = ScenarioParser.Parse(text, name);
        if (Presets.TryGetValue(name, out var preset))
        {
            scenario = scenario with { ConfigPreset = BuiltInPreset + preset };
        }

        return true;
    }

    /// <summary>The HOCON source of a built-in preset (<c>built-in:NAME</c>), or null when <paramref name="preset"/> is a file.</summary>
    public static HoconSource? PresetSource(string preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (!preset.StartsWith(BuiltInPreset, StringComparison.Ordinal))
        {
            return null;
        }

        var name = preset[BuiltInPreset.Length..];
        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream(name)
            ?? throw new Configuration.ConfigurationException($"{preset}: no such built-in preset (there is {string.Join(", ", Presets.Values.Distinct())})");
        using var reader = new StreamReader(stream);
        return HoconSource.FromText(reader.ReadToEnd(), preset);
    }

    /// <summary>A built-in scenario by name, else the scenario file <paramref name="nameOrFile"/>.</summary>
    /// <exception cref="ScenarioException">Neither, or the file is wrong.</exception>
    public static Scenario Resolve(string nameOrFile) =>
        TryGet(nameOrFile, out var scenario) ? scenario : ScenarioParser.ReadFile(nameOrFile);
}
