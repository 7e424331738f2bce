namespace ActorHyper.Host.Exploring;

/// <summary>The scenarios <c>--scenario NAME</c> knows, for the default 4×4 machine (ioc channels 0–15, instance id = channel).</summary>
public static class BuiltInScenarios
{
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
        return true;
    }

    /// <summary>A built-in scenario by name, else the scenario file <paramref name="nameOrFile"/>.</summary>
    /// <exception cref="ScenarioException">Neither, or the file is wrong.</exception>
    public static Scenario Resolve(string nameOrFile) =>
        TryGet(nameOrFile, out var scenario) ? scenario : ScenarioParser.ReadFile(nameOrFile);
}
