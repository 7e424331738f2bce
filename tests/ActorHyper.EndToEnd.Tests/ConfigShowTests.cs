using System.Text.Json;

namespace ActorHyper.EndToEnd.Tests;

public sealed class ConfigShowTests
{
    private static string Preset(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "hocon", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }

    [Fact]
    public void Config_show_prints_the_layered_tree_as_json()
    {
        var (code, output, error) = ProgramRunner.Run("config", "show", "--config", Preset("tsar-16x16.conf"),
            "--set", "actorhyper.log.level=error");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var actorhyper = json.RootElement.GetProperty("actorhyper");
        Assert.Equal(16, actorhyper.GetProperty("machine").GetProperty("mesh").GetProperty("x").GetInt32());
        Assert.Equal(64, actorhyper.GetProperty("machine").GetProperty("ioc-channels").GetInt32());
        Assert.Equal("error", actorhyper.GetProperty("log").GetProperty("level").GetString());
    }

    [Fact]
    public void A_configuration_error_exits_2_without_a_stack_trace()
    {
        var (code, output, error) = ProgramRunner.Run("config", "show", "--set", "actorhyper.machine.mesh.x = ${nope}");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("actorhyper: --set #1:1:", error, StringComparison.Ordinal);
        Assert.Contains("${nope}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
