using ActorHyper.Hardware;
using ActorHyper.Hocon;
using ActorHyper.Host.Configuration;

namespace ActorHyper.Host.Tests;

public sealed class ConfigurationTests
{
    private static ActorHyperOptions Bind(string? file = null, params string[] sets) =>
        OptionsBinder.Bind(ConfigurationLoader.Load(file, sets, _ => null));

    [Fact]
    public void The_built_in_reference_is_the_file_in_hocon()
    {
        Assert.Equal(File.ReadAllText(RepoFiles.Path("hocon/reference.conf")), ConfigurationLoader.Reference);
    }

    [Fact]
    public void The_reference_defaults_to_the_4x4_machine()
    {
        Assert.Equal(MachineSpec.Tsar4x4, OptionsBinder.ToMachineSpec(Bind().Machine));
    }

    [Theory]
    [InlineData("hocon/tsar-2x2.conf")]
    [InlineData("hocon/tsar-4x4.conf")]
    [InlineData("hocon/tsar-16x16.conf")]
    public void Each_preset_describes_the_machine_of_its_name(string preset)
    {
        var expected = preset switch
        {
            "hocon/tsar-2x2.conf" => MachineSpec.Tsar2x2,
            "hocon/tsar-4x4.conf" => MachineSpec.Tsar4x4,
            _ => MachineSpec.Tsar16x16,
        };
        var spec = OptionsBinder.ToMachineSpec(Bind(RepoFiles.Path(preset)).Machine);
        Assert.Equal(expected, spec);
        Assert.Empty(spec.Validate());
    }

    [Fact]
    public void The_16x16_preset_has_1024_cores_and_at_least_64_channels_of_each_device()
    {
        var spec = OptionsBinder.ToMachineSpec(Bind(RepoFiles.Path("hocon/tsar-16x16.conf")).Machine);
        Assert.Equal(1_024, spec.CoreCount);
        Assert.True(spec.IocChannels >= 64 && spec.TtyChannels >= 64 && spec.FbChannels >= 64);
    }

    [Fact]
    public void The_scripted_keys_exist_with_their_documented_types()
    {
        var tree = ConfigurationLoader.Load(null, [], _ => null);
        Assert.Equal(4, tree.GetInt("actorhyper.machine.mesh.x"));
        Assert.Equal(4, tree.GetInt("actorhyper.machine.mesh.y"));
        Assert.Equal(4, tree.GetInt("actorhyper.machine.cores-per-cluster"));
        Assert.True(tree.GetBoolean("actorhyper.guest.dtlb"));
        Assert.Equal("warning", tree.GetString("actorhyper.log.level"));
    }

    [Fact]
    public void Every_setting_of_the_reference_is_documented_by_a_comment()
    {
        var lines = ConfigurationLoader.Reference.Split('\n').Select(l => l.Trim()).ToArray();
        var undocumented = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains('=', StringComparison.Ordinal) || lines[i].StartsWith('#'))
            {
                continue;
            }

            var previous = i - 1;
            while (previous >= 0 && lines[previous].Length == 0)
            {
                previous--;
            }

            if (previous < 0 || !lines[previous].StartsWith('#'))
            {
                undocumented.Add(lines[i]);
            }
        }

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Later_layers_win_and_substitutions_see_the_merged_tree()
    {
        using var dir = new TempConf("""
            actorhyper.machine.mesh { x = 2, y = 2 }
            actorhyper.machine.ioc-channels = ${actorhyper.machine.tty-channels}
            """);
        var options = Bind(dir.File, "actorhyper.machine.mesh.x = 3", "actorhyper.machine.tty-channels = 5", "actorhyper.machine.fb-channels = 5");
        Assert.Equal(3, options.Machine.Mesh.X);
        Assert.Equal(2, options.Machine.Mesh.Y);
        Assert.Equal(5, options.Machine.IocChannels);
    }

    [Fact]
    public void Sizes_bind_with_their_units()
    {
        Assert.Equal(32L * 1024 * 1024, Bind(null, "actorhyper.machine.ram-per-cluster = 32 MiB").Machine.RamPerCluster.Bytes);
        Assert.Equal(20_000_000L, Bind(null, "actorhyper.machine.ram-per-cluster = 20 MB").Machine.RamPerCluster.Bytes);
    }

    [Fact]
    public void A_value_out_of_range_is_reported_where_it_was_set()
    {
        using var dir = new TempConf("actorhyper {\n  machine.mesh.x = 17\n}\n");
        var error = Assert.Throws<ConfigurationException>(() => Bind(dir.File));
        Assert.Equal($"{dir.File}:2:20: mesh.x must be between 1 and 16, got 17", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_where_it_was_set()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(null, "actorhyper.machine.cores-per-cluster = four"));
        Assert.Equal("--set #1:1:40: actorhyper.machine.cores-per-cluster: \"four\" is not a valid whole number", error.Message);
    }

    [Fact]
    public void A_bad_size_is_reported_with_the_expected_units()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(null, "actorhyper.machine.ram-per-cluster = 3 parsecs"));
        Assert.StartsWith("--set #1:1:38: actorhyper.machine.ram-per-cluster: bad size \"3 parsecs\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wait_timeout_binds_as_a_duration_and_becomes_the_hypervisors()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OptionsBinder.ToHypervisorOptions(Bind().Hypervisor).WaitTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500),
            OptionsBinder.ToHypervisorOptions(Bind(null, "actorhyper.hypervisor.wait-timeout = 1.5 s").Hypervisor).WaitTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), Bind(null, "actorhyper.hypervisor.wait-timeout = 2 minutes").Hypervisor.WaitTimeout.Value);
    }

    [Fact]
    public void The_boot_timeout_binds_as_a_duration_and_becomes_the_hypervisors()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), OptionsBinder.ToHypervisorOptions(Bind().Hypervisor).BootTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250),
            OptionsBinder.ToHypervisorOptions(Bind(null, "actorhyper.hypervisor.boot-timeout = 250ms").Hypervisor).BootTimeout);
    }

    [Theory]
    [InlineData("wait-timeout", "0s", "--set #1:1:38: hypervisor.wait-timeout must be positive, got \"0s\"")]
    [InlineData("wait-timeout", "-5s", "--set #1:1:38: hypervisor.wait-timeout must be positive, got \"-5s\"")]
    [InlineData("wait-timeout", "soon", "--set #1:1:38: actorhyper.hypervisor.wait-timeout: bad duration \"soon\" (expected a number and a unit such as ms, s, minutes)")]
    [InlineData("boot-timeout", "0s", "--set #1:1:38: hypervisor.boot-timeout must be positive, got \"0s\"")]
    [InlineData("boot-timeout", "later", "--set #1:1:38: actorhyper.hypervisor.boot-timeout: bad duration \"later\" (expected a number and a unit such as ms, s, minutes)")]
    public void A_timeout_that_is_not_a_positive_duration_is_reported_where_it_was_set(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(null, $"actorhyper.hypervisor.{key} = {value}"));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Unknown_modes_and_levels_are_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(null, "actorhyper.runtime.mode = fast", "actorhyper.log.level = loud"));
        Assert.Equal(
            "--set #1:1:27: runtime.mode must be concurrent or controlled, got \"fast\"" + Environment.NewLine +
            "--set #2:1:24: log.level must be verbose, debug, information, warning, error or fatal, got \"loud\"",
            error.Message);
    }

    [Fact]
    public void A_missing_required_substitution_names_its_position()
    {
        using var dir = new TempConf("a = 1\nactorhyper.log.level = ${nowhere}\n");
        var error = Assert.Throws<HoconException>(() => ConfigurationLoader.Load(dir.File, [], _ => null));
        Assert.Equal(dir.File, error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Contains("${nowhere}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelled_settings_are_reported_as_unknown_and_kept()
    {
        var tree = ConfigurationLoader.Load(null, ["actorhyper.machine.cores-per-clustr = 2", "other.tool.setting = 1"], _ => null);
        var warning = Assert.Single(ConfigurationLoader.UnknownSettings(tree));
        Assert.Equal("--set #1:1:39: unknown setting actorhyper.machine.cores-per-clustr (not in reference.conf; check the spelling)", warning);
        Assert.Equal(2, tree.GetInt("actorhyper.machine.cores-per-clustr"));
        Assert.Equal(1, tree.GetInt("other.tool.setting"));
    }

    private sealed class TempConf : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("actorhyper-conf-").FullName;

        public TempConf(string text)
        {
            File = System.IO.Path.Combine(_dir, "test.conf");
            System.IO.File.WriteAllText(File, text);
        }

        public string File { get; }

        public void Dispose() => Directory.Delete(_dir, recursive: true);
    }
}

public sealed class RuntimeOptionsTests
{
    [Fact]
    public async Task An_actor_system_is_created_from_the_configuration()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null,
            ["actorhyper.runtime.mode = controlled", "actorhyper.runtime.seed = 99", "actorhyper.runtime.step-limit = 500"], _ => null));
        Assert.Equal(ActorHyper.Actors.Machine.ExecutionMode.Controlled, options.Runtime.ExecutionMode);
        var system = ActorHyper.Host.Shell.HypervisorSession.CreateSystem(options, Serilog.Core.Logger.None);
        var driver = ActorHyper.Exploration.Driver.ControlledDriver.Of(system);
        Assert.Equal(0, driver.Steps);
        Assert.Equal(99UL, driver.Seed);
        Assert.Equal(500, driver.StepLimit);
        driver.Terminate();
        await system.WhenTerminated;
    }

    [Fact]
    public async Task An_akka_setting_given_with_set_reaches_the_actor_systems_configuration()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null,
            ["akka.loglevel = DEBUG", "akka.actor.default-dispatcher.throughput = 7", "akka.scheduler.tick-duration = 20ms"], _ => null));
        var system = ActorHyper.Host.Shell.HypervisorSession.CreateSystem(options, Serilog.Core.Logger.None);
        var config = system.Settings.Config;
        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
        Assert.Equal(7, config.GetInt("akka.actor.default-dispatcher.throughput"));
        Assert.Equal(TimeSpan.FromMilliseconds(20), config.GetTimeSpan("akka.scheduler.tick-duration"));
        Assert.Equal("DEBUG", system.Settings.LogLevel);
        await system.Terminate();
    }

    [Fact]
    public async Task Akka_follows_the_program_log_level_unless_its_own_is_set()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null, [], _ => null));
        var quiet = new Serilog.LoggerConfiguration().MinimumLevel.Warning().CreateLogger();
        var system = ActorHyper.Host.Shell.HypervisorSession.CreateSystem(options, quiet);
        Assert.Equal("WARNING", system.Settings.LogLevel);
        await system.Terminate();
    }

    [Fact]
    public async Task Controlled_mode_keeps_its_dispatcher_whatever_the_akka_section_says()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null,
            ["actorhyper.runtime.mode = controlled", "akka.actor.default-dispatcher.type = Dispatcher"], _ => null));
        var system = ActorHyper.Host.Shell.HypervisorSession.CreateSystem(options, Serilog.Core.Logger.None);
        Assert.True(ActorHyper.Exploration.Driver.ControlledDriver.IsControlled(system));
        Assert.Contains("ControlledDispatcher", system.Settings.Config.GetString("akka.actor.default-dispatcher.type"), StringComparison.Ordinal);
        ActorHyper.Exploration.Driver.ControlledDriver.Of(system).Terminate();
        await system.WhenTerminated;
    }

    [Fact]
    public void The_reference_runs_concurrently_with_akka_like_throughput()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null, [], _ => null));
        Assert.Equal(ActorHyper.Actors.Machine.ExecutionMode.Concurrent, options.Runtime.ExecutionMode);
        var config = AkkaConfiguration.For(options.Tree!, options.Runtime, Serilog.Events.LogEventLevel.Warning);
        Assert.Equal(100, config.GetInt("akka.actor.default-dispatcher.throughput"));
        Assert.False(config.HasPath("akka.scheduler.implementation") &&
            config.GetString("akka.scheduler.implementation").Contains("VirtualTime", StringComparison.Ordinal));
    }

    [Fact]
    public void The_runtime_throughput_setting_is_akkas_dispatcher_throughput()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null, ["actorhyper.runtime.throughput = 5"], _ => null));
        var config = AkkaConfiguration.For(options.Tree!, options.Runtime, Serilog.Events.LogEventLevel.Warning);
        Assert.Equal(5, config.GetInt("akka.actor.default-dispatcher.throughput"));
    }
}
