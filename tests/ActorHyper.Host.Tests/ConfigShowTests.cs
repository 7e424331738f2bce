using System.Text.Json;
using ActorHyper.Host;
using ActorHyper.Host.Commands;

namespace ActorHyper.Host.Tests;

public sealed class ConfigShowTests
{
    [Fact]
    public void Shows_every_key_as_typed_json()
    {
        var (code, output, error) = HostRunner.Run("config", "show", "--set", "extra.list = [1, two, null]", "--set", "extra.flag = yes");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var machine = json.RootElement.GetProperty("actorhyper").GetProperty("machine");
        Assert.Equal(JsonValueKind.Number, machine.GetProperty("mesh").GetProperty("x").ValueKind);
        Assert.Equal(JsonValueKind.True, json.RootElement.GetProperty("actorhyper").GetProperty("guest").GetProperty("dtlb").ValueKind);
        Assert.Equal("30s", json.RootElement.GetProperty("actorhyper").GetProperty("hypervisor").GetProperty("wait-timeout").GetString());
        var list = json.RootElement.GetProperty("extra").GetProperty("list");
        Assert.Equal([JsonValueKind.Number, JsonValueKind.String, JsonValueKind.Null], list.EnumerateArray().Select(e => e.ValueKind));
        Assert.Equal("yes", json.RootElement.GetProperty("extra").GetProperty("flag").GetString());
    }

    [Fact]
    public void Global_options_apply_after_the_subcommand_too()
    {
        var (code, output, _) = HostRunner.Run("config", "show", "--config", RepoFiles.Path("hocon/tsar-2x2.conf"), "--set", "actorhyper.machine.mesh.y=1");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var mesh = json.RootElement.GetProperty("actorhyper").GetProperty("machine").GetProperty("mesh");
        Assert.Equal(2, mesh.GetProperty("x").GetInt32());
        Assert.Equal(1, mesh.GetProperty("y").GetInt32());
    }

    [Fact]
    public void A_configuration_error_exits_2_with_the_positioned_message_only()
    {
        var (code, output, error) = HostRunner.Run("config", "show", "--set", "actorhyper.machine = {");
        Assert.Equal(CommandErrors.ConfigurationError, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("actorhyper: --set #1:1:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_config_file_exits_2()
    {
        var (code, _, error) = HostRunner.Run("config", "show", "--config", "no-such-file.conf");
        Assert.Equal(CommandErrors.ConfigurationError, code);
        Assert.Equal("actorhyper: no-such-file.conf: configuration file not found" + Environment.NewLine, error);
    }

    [Fact]
    public void A_set_without_equals_exits_2_naming_the_override()
    {
        var (code, _, error) = HostRunner.Run("config", "show", "--set", "actorhyper.log.level");
        Assert.Equal(CommandErrors.ConfigurationError, code);
        Assert.StartsWith("actorhyper: --set #1", error, StringComparison.Ordinal);
        Assert.Contains("has no '='", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_settings_are_shown_and_warned_about_on_stderr()
    {
        var (code, output, error) = HostRunner.Run("config", "show", "--set", "actorhyper.mashine.mesh.x = 2");
        Assert.Equal(0, code);
        Assert.Contains("\"mashine\"", output, StringComparison.Ordinal);
        Assert.StartsWith("actorhyper: warning: --set #1:1:1: unknown setting actorhyper.mashine", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_logs_the_layers_in_merge_order_on_stderr()
    {
        var (code, output, error) = HostRunner.Run("config", "show", "--verbose", "--config", RepoFiles.Path("hocon/tsar-2x2.conf"),
            "--set", "actorhyper.log.level=error");
        Assert.Equal(0, code);
        Assert.StartsWith("{", output, StringComparison.Ordinal);
        Assert.Matches(@"DBG\] actorhyper Configuration merged from \[""reference.conf"", ?"".*tsar-2x2.conf"", ?""--set #1""\]", error);
    }

    [Fact]
    public void Without_verbose_the_configured_level_keeps_stderr_quiet()
    {
        var (code, _, error) = HostRunner.Run("config", "show");
        Assert.Equal(0, code);
        Assert.Equal("", error);
    }
}
