using System.Text.Json;
using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Memory;
using ActorHyper.Host.Commands;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Tests;

public sealed class ExecCommandTests
{
    private static readonly string TwoByTwo = RepoFiles.Path("hocon/tsar-2x2.conf");

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Json_mode_prints_one_object_per_command_with_its_result()
    {
        var (code, output, error) = HostRunner.Run("exec", "--config", TwoByTwo, "--controlled", "--seed", "7", "--json",
            "run -nc 2 -i 6", "wait -i 6", "ps", "map");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        var lines = Lines(output).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(["run -nc 2 -i 6", "wait -i 6", "ps", "map"], lines.Select(l => l.GetProperty("command").GetString()));
        Assert.All(lines, line => Assert.False(line.TryGetProperty("error", out _)));

        var launched = lines[0].GetProperty("instance");
        Assert.Equal(6, launched.GetProperty("id").GetInt32());
        Assert.Equal("Booting", launched.GetProperty("state").GetString());
        Assert.Equal(6, launched.GetProperty("ioc").GetInt32());
        Assert.Equal(8, launched.GetProperty("cores").GetInt32());
        var clusters = launched.GetProperty("clusters").EnumerateArray().Select(c => (c[0].GetInt32(), c[1].GetInt32())).ToArray();
        Assert.Equal(2, clusters.Length);
        Assert.DoesNotContain((0, 0), clusters);

        var waited = Assert.Single(lines[1].GetProperty("instances").EnumerateArray());
        Assert.Equal("Running", waited.GetProperty("state").GetString());
        Assert.False(waited.TryGetProperty("failedStep", out _));
        var listed = Assert.Single(lines[2].GetProperty("instances").EnumerateArray());
        Assert.Equal(["id", "state", "clusters", "ioc", "tty", "fb", "cores"], listed.EnumerateObject().Select(p => p.Name));

        var map = lines[3].GetProperty("clusters").EnumerateArray().ToArray();
        Assert.Equal(4, map.Length);
        Assert.Equal("hypervisor", Assert.Single(map, c => c.GetProperty("x").GetInt32() == 0 && c.GetProperty("y").GetInt32() == 0).GetProperty("owner").GetString());
        var owned = map.Where(c => c.GetProperty("owner").ValueKind == JsonValueKind.Number).ToArray();
        Assert.Equal(clusters, owned.Select(c => (c.GetProperty("x").GetInt32(), c.GetProperty("y").GetInt32())).Order());
        Assert.All(owned, c => Assert.Equal(6, c.GetProperty("owner").GetInt32()));
        Assert.Equal("free", Assert.Single(map, c => c.GetProperty("owner").ValueKind == JsonValueKind.String && c.GetProperty("owner").GetString() != "hypervisor")
            .GetProperty("owner").GetString());
    }

    [Fact]
    public void The_same_seed_gives_the_same_output_byte_for_byte()
    {
        // Commands typed while instances boot land at points of the run the schedule decides: a sensitive case.
        string[] args = ["exec", "--controlled", "--seed", "7", "--json", "run -nc 2 -i 6", "ps", "run -nc 3 -i 2", "ps", "map", "wait", "ps", "kill -i 6", "map"];
        var first = HostRunner.Run(args);
        var second = HostRunner.Run(args);
        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(9, Lines(first.Out).Length);
    }

    [Fact]
    public void Text_mode_echoes_each_command_then_its_result()
    {
        var (code, output, _) = HostRunner.Run("exec", "--config", TwoByTwo, "--controlled", "run -nc 2 -i 6", "wait -i 6", "tty -i 6", "kill -i 6", "ps");
        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Equal("> run -nc 2 -i 6", lines[0]);
        Assert.Matches(@"^instance 6 Booting on clusters \(\d,\d\) \(\d,\d\), IOC 6, TTY 0, FB 0, 8 cores$", lines[1]);
        Assert.Equal(["> wait -i 6", "ID  STATE    CLUSTERS     IOC  TTY  FB  CORES"], lines[2..4]);
        Assert.StartsWith("6   Running  (", lines[4], StringComparison.Ordinal);
        Assert.Equal(["> tty -i 6", "off: memory bank 0 started, id n6.1/1"], lines[5..7]);
        var kill = Array.IndexOf(lines, "> kill -i 6");
        Assert.Equal("off: node 6 up: 8 cores, 2 clusters, 128 MiB", lines[kill - 1]);
        Assert.Matches(@"^instance 6 Stopped: clusters \(\d,\d\) \(\d,\d\), IOC 6, TTY 0, FB 0 returned$", lines[kill + 1]);
        Assert.Equal(["> ps", "no instances"], lines[(kill + 2)..]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void The_configured_DTLB_option_decides_whether_the_guest_starts_the_DMM(string dtlb, bool dmm)
    {
        var (code, output, _) = HostRunner.Run("exec", "--controlled", "--set", "actorhyper.guest.dtlb=" + dtlb, "run -nc 1 -i 3", "wait -i 3", "tty -i 3");
        Assert.Equal(0, code);
        Assert.Equal(dmm, Lines(output).Any(line => line.StartsWith("off: DMM started", StringComparison.Ordinal)));
        Assert.Contains("off: shuttle server started", Lines(output));
    }

    [Fact]
    public void The_guests_boot_lines_come_out_of_tty_in_the_seeds_order()
    {
        var (code, output, _) = HostRunner.Run("exec", "--controlled", "--seed", "5", "--json", "run -nc 2 -i 6", "wait -i 6", "tty -i 6");
        Assert.Equal(0, code);
        var tty = JsonDocument.Parse(Lines(output)[2]).RootElement;
        var boot = tty.GetProperty("lines").EnumerateArray().Select(line => line.GetString()!).ToList();

        // Banks, KVM, relocation table, portal, hardware servers, abstract servers, non-boot processors, banner.
        string[] order = ["memory bank 0", "memory bank 1", "KVM", "relocation table", "portal server", "I/O bank 0", "DMA 0", "DMA 1",
            "processor 0", "shuttle server", "DMM", "processor 1", "processor 7", "node 6 up"];
        var positions = order.Select(name => boot.FindIndex(line => line.StartsWith("off: " + name + " ", StringComparison.Ordinal)
            || line.StartsWith("off: " + name + ":", StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal("off: node 6 up: 8 cores, 2 clusters, 128 MiB", boot[^1]);
    }

    [Theory]
    [InlineData("kill -i 9", "no instance 9")]
    [InlineData("run -nc 99 -i 1", "cannot allocate 99 clusters")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    [InlineData("wait -i 6 -t 10", "-t needs a duration with a unit")]
    public void A_refused_command_exits_1_with_a_one_line_error_and_the_others_still_run(string command, string message)
    {
        var (code, output, error) = HostRunner.Run("exec", "--config", TwoByTwo, "--controlled", command, "ps");
        Assert.Equal(CommandErrors.RunFailed, code);
        Assert.Equal("", error);
        var lines = Lines(output);
        Assert.Equal(["> " + command], lines[..1]);
        Assert.StartsWith("error: ", lines[1], StringComparison.Ordinal);
        Assert.Contains(message, lines[1], StringComparison.Ordinal);
        Assert.Equal(["> ps", "no instances"], lines[2..]);
    }

    [Fact]
    public void A_refused_command_in_json_mode_is_an_error_field()
    {
        var (code, output, _) = HostRunner.Run("exec", "--config", TwoByTwo, "--controlled", "--json", "kill -i 9");
        Assert.Equal(CommandErrors.RunFailed, code);
        var reply = JsonDocument.Parse(Assert.Single(Lines(output))).RootElement;
        Assert.Equal(["command", "error"], reply.EnumerateObject().Select(p => p.Name));
        Assert.Equal("no instance 9: none is running", reply.GetProperty("error").GetString());
    }

    [Fact]
    public void A_script_runs_before_the_arguments_without_its_comments_and_blank_lines()
    {
        var script = Path.Combine(Directory.CreateTempSubdirectory("actorhyper-script-").FullName, "launch.txt");
        File.WriteAllText(script, "# launch one\n\nrun -nc 2 -i 6\n   \n  # and wait for it\nwait -i 6\n");
        try
        {
            var (code, output, error) = HostRunner.Run("exec", "--config", TwoByTwo, "--controlled", "--json", "--script", script, "ps");
            Assert.Equal("", error);
            Assert.Equal(0, code);
            Assert.Equal(["run -nc 2 -i 6", "wait -i 6", "ps"],
                Lines(output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("command").GetString()));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("actorhyper: exec needs at least one shell command", "exec")]
    [InlineData("actorhyper: --seed must be a non-negative whole number, got 'x'.", "exec", "--seed", "x", "ps")]
    [InlineData("actorhyper: --seed must be a non-negative whole number, got '-1'.", "exec", "--seed", "-1", "ps")]
    [InlineData("actorhyper: Unrecognized option '--colour'", "exec", "--colour", "ps")]
    [InlineData("actorhyper: Unrecognized option '-nc' (quote each shell command", "exec", "run", "-nc", "2", "-i", "6")]
    [InlineData("actorhyper: no-such-script.txt: script file not found", "exec", "--script", "no-such-script.txt", "ps")]
    [InlineData("actorhyper: --set #1:1:36: hypervisor.wait-timeout must be positive", "exec", "--set", "actorhyper.hypervisor.wait-timeout=0", "ps")]
    [InlineData("actorhyper: --set #1:1:25: runtime.mode must be", "exec", "--set", "actorhyper.runtime.mode=fast", "ps")]
    [InlineData("actorhyper: --trace needs a controlled run: add --controlled", "exec", "--trace", "ps")]
    [InlineData("actorhyper: --set #1:1:29: runtime.delivery must be channel or causal, got \"sideways\"", "exec", "--set", "actorhyper.runtime.delivery=sideways", "ps")]
    [InlineData("actorhyper: --set #1:1:27: runtime.timers must be due-order or any-order", "exec", "--set", "actorhyper.runtime.timers=soon", "ps")]
    [InlineData("actorhyper: --set #1:1:31: runtime.timer-race must be clocked or uniform", "exec", "--set", "actorhyper.runtime.timer-race=fair", "ps")]
    [InlineData("actorhyper: --set #1:1:34: runtime.timer-horizon must be a duration or none", "exec", "--set", "actorhyper.runtime.timer-horizon=later", "ps")]
    [InlineData("actorhyper: --set #1:1:33: runtime.early-timers must be 0 or more, got -1", "exec", "--set", "actorhyper.runtime.early-timers=-1", "ps")]
    public void A_usage_error_exits_2_with_one_line_on_stderr(string expected, params string[] args)
    {
        var (code, output, error) = HostRunner.Run(args);
        Assert.Equal(CommandLineApp.UsageError, code);
        Assert.Equal("", output);
        Assert.StartsWith(expected, Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_prints_the_runs_seed_steps_time_and_hash_last_as_text_or_json()
    {
        var (code, output, _) = HostRunner.Run("exec", "--config", TwoByTwo, "--controlled", "--seed", "9", "--trace", "run -nc 1 -i 1", "wait");
        Assert.Equal(0, code);
        Assert.Matches(@"^trace: seed 9, \d+ steps, \d+\.\d{3} ms virtual, hash 0x[0-9a-f]{16}$", Lines(output)[^1]);

        var (jsonCode, json, _) = HostRunner.Run("exec", "--config", TwoByTwo, "--controlled", "--seed", "9", "--trace", "--json", "run -nc 1 -i 1", "wait");
        Assert.Equal(0, jsonCode);
        var trace = JsonDocument.Parse(Lines(json)[^1]).RootElement.GetProperty("trace");
        Assert.Equal(9UL, trace.GetProperty("seed").GetUInt64());
        Assert.Equal(Lines(output)[^1], $"trace: seed 9, {trace.GetProperty("steps").GetInt64()} steps, {trace.GetProperty("virtualTimeMs").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} ms virtual, hash {trace.GetProperty("hash").GetString()}");
    }

    [Fact]
    public void A_controlled_run_out_of_steps_is_one_line_not_a_hang()
    {
        var (code, output, error) = HostRunner.Run("exec", "--controlled", "--set", "actorhyper.runtime.step-limit=100", "ps");
        Assert.Equal(CommandErrors.RunFailed, code);
        Assert.Equal("", output);
        Assert.Equal("actorhyper: the machine did not start: the controlled run reached its step limit (100 deliveries; actorhyper.runtime.step-limit)",
            Assert.Single(Lines(error), line => line.StartsWith("actorhyper:", StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_failed_at_the_end_exits_1_and_shows_its_step_and_reason()
    {
        // A boot loader that faults at once: the instance's cores fault on entering it, so the instance fails at Boot.
        var machine = MachineOptions.Default with
        {
            Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new FaultingProgram()),
        };
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(TwoByTwo, ["actorhyper.runtime.mode = controlled"], _ => null));
        using var session = HypervisorSession.Start(options, Serilog.Core.Logger.None, machine);
        using var output = new StringWriter();

        var code = ExecCommand.Run(session, ["run -nc 2 -i 6", "wait -i 6"], json: true, output);

        Assert.Equal(CommandErrors.RunFailed, code);
        var lines = Lines(output.ToString()).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.False(lines[0].TryGetProperty("error", out _));
        var failed = Assert.Single(lines[1].GetProperty("instances").EnumerateArray());
        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        Assert.Equal("Boot", failed.GetProperty("failedStep").GetString());
        Assert.Contains("test boot loader gives up", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_succeeding_with_no_failed_instance_exits_0_through_the_same_path()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(TwoByTwo, ["actorhyper.runtime.mode = controlled"], _ => null));
        using var session = HypervisorSession.Start(options, Serilog.Core.Logger.None);
        using var output = new StringWriter();
        Assert.Equal(0, ExecCommand.Run(session, ["run -nc 2 -i 6", "wait -i 6"], json: false, output));
    }

    private sealed class FaultingProgram : ICoreProgram
    {
        public void Run(ICoreCpu cpu) => cpu.Fault("test boot loader gives up");
    }
}
