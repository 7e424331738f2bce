using ActorHyper.Host.Configuration;

namespace ActorHyper.Host.Tests;

/// <summary>Configuration input as a new user types it: HOCON's booleans, and the one-line refusals of bad --config, --script and --set values.</summary>
public sealed class ConfigurationInputTests
{
    private static ActorHyperOptions Bind(params string[] sets) =>
        OptionsBinder.Bind(ConfigurationLoader.Load(null, sets, _ => null));

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("\"on\"", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void A_boolean_setting_reads_the_six_words_HOCON_lists(string written, bool expected)
    {
        Assert.Equal(expected, Bind($"actorhyper.guest.dtlb = {written}").Guest.Dtlb);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]

    // HOCON.md lists the words in lowercase; the binder on its own would also take "TRUE".
    [InlineData("TRUE")]
    [InlineData("On")]
    public void Any_other_boolean_is_refused_at_the_set_naming_the_words(string written)
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind($"actorhyper.guest.dtlb={written}"));
        var shown = written == "1" ? "number 1" : $"\"{written}\"";
        Assert.Equal($"--set #1:1:23: actorhyper.guest.dtlb: {shown} is not a valid boolean (true/false, yes/no or on/off)", error.Message);
    }

    [Fact]
    public void On_from_the_command_line_runs()
    {
        var (code, _, err) = HostRunner.Run("config", "show", "--set", "actorhyper.guest.dtlb=on");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
    }

    [Fact]
    public void A_section_replaced_by_a_value_is_one_line_at_the_set()
    {
        var (code, _, err) = HostRunner.Run("config", "show", "--set", "actorhyper.machine=5");
        Assert.Equal(2, code);
        Assert.Equal("actorhyper: --set #1:1:20: actorhyper.machine: expected a section of settings (an object), found number 5" + Environment.NewLine, err);
    }

    [Fact]
    public void The_whole_section_replaced_by_a_value_names_the_set_where_it_was_replaced()
    {
        var (code, _, err) = HostRunner.Run("config", "show", "--set", "actorhyper=5");
        Assert.Equal(2, code);
        Assert.Single(err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(": actorhyper is number 5, set at --set #1:1:12" + Environment.NewLine, err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_section_replaced_by_an_array_is_reported_where_it_was_set()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind("actorhyper.machine.mesh = [1, 2]"));
        Assert.Equal("--set #1:1:27: actorhyper.machine.mesh: expected a section of settings (an object), found an array", error.Message);
    }

    [Fact]
    public void An_empty_config_file_name_is_a_usage_error()
    {
        var (code, _, err) = HostRunner.Run("config", "show", "--config", "");
        Assert.Equal(2, code);
        Assert.Equal("actorhyper: --config: the file name is empty" + Environment.NewLine, err);
    }

    [Fact]
    public void A_directory_as_config_file_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("actorhyper-config-").FullName;
        try
        {
            var (code, _, err) = HostRunner.Run("config", "show", "--config", directory);
            Assert.Equal(2, code);
            Assert.Equal($"actorhyper: {directory}: is a directory, not a configuration file" + Environment.NewLine, err);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void An_empty_script_file_name_is_a_usage_error()
    {
        var (code, _, err) = HostRunner.Run("exec", "--script", "", "help");
        Assert.Equal(2, code);
        Assert.Equal("actorhyper: --script: the file name is empty" + Environment.NewLine, err);
    }

    [Fact]
    public void A_directory_as_script_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("actorhyper-script-").FullName;
        try
        {
            var (code, _, err) = HostRunner.Run("exec", "--script", directory, "help");
            Assert.Equal(2, code);
            Assert.Equal($"actorhyper: {directory}: is a directory, not a script file" + Environment.NewLine, err);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }
}
