using Microsoft.Extensions.Configuration;

namespace ActorHyper.Hocon.Tests;

public class ConfigurationProviderTests
{
    private const string Document = """
        actorhyper {
          machine {
            mesh { x = 4, y = 2 }
            cores-per-cluster = 16
            clock-ghz = 1.5
            enabled = true
            name = "mesh-"${actorhyper.machine.mesh.x}
            features = [fpu, simd]
            spare = null
            extras {}
            clusters = [ { id = 0 }, { id = 1 } ]
          }
        }
        """;

    private static IConfigurationRoot Build() =>
        new ConfigurationBuilder().AddHocon(Conf.Load(Document)).Build();

    [Fact]
    public void Values_are_flat_colon_separated_keys()
    {
        var configuration = Build();

        Assert.Equal("4", configuration["actorhyper:machine:mesh:x"]);
        Assert.Equal("16", configuration["actorhyper:machine:cores-per-cluster"]);
        Assert.Equal("1.5", configuration["actorhyper:machine:clock-ghz"]);
        Assert.Equal("true", configuration["actorhyper:machine:enabled"]);
        Assert.Equal("mesh-4", configuration["actorhyper:machine:name"]);
    }

    [Fact]
    public void Arrays_become_indexed_keys_and_null_a_null_value()
    {
        var configuration = Build();

        Assert.Equal("fpu", configuration["actorhyper:machine:features:0"]);
        Assert.Equal("simd", configuration["actorhyper:machine:features:1"]);
        Assert.Equal("1", configuration["actorhyper:machine:clusters:1:id"]);
        Assert.Null(configuration["actorhyper:machine:spare"]);
        Assert.Contains(
            configuration.AsEnumerable(),
            pair => pair.Key == "actorhyper:machine:spare" && pair.Value is null);
        Assert.Contains(
            configuration.AsEnumerable(),
            pair => pair.Key == "actorhyper:machine:extras" && pair.Value is null);
    }

    [Fact]
    public void Sections_bind_to_options_classes_including_dashed_keys()
    {
        var machine = Build().GetSection("actorhyper:machine").Get<MachineOptions>();

        Assert.NotNull(machine);
        Assert.Equal(4, machine.Mesh.X);
        Assert.Equal(2, machine.Mesh.Y);
        Assert.Equal(16, machine.CoresPerCluster);
        Assert.Equal(1.5, machine.ClockGhz);
        Assert.True(machine.Enabled);
        Assert.Equal("mesh-4", machine.Name);
        Assert.Equal(["fpu", "simd"], machine.Features);
        Assert.Equal([0, 1], machine.Clusters.Select(cluster => cluster.Id));
    }

    [Fact]
    public void Layered_sources_load_through_the_builder_with_the_given_environment()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(
                [
                    HoconSource.FromText("a { b = 1, c = ${HOME}/x }", "reference"),
                    HoconSource.FromSetArgument("a.b=2", 1),
                ],
                name => name == "HOME" ? "/home/ada" : null)
            .Build();

        Assert.Equal("2", configuration["a:b"]);
        Assert.Equal("/home/ada/x", configuration["a:c"]);
    }

    [Fact]
    public void Reloading_reads_the_sources_again()
    {
        var home = "/first";
        var configuration = new ConfigurationBuilder()
            .AddHocon([HoconSource.FromText("h = ${HOME}", "reference")], _ => home)
            .Build();

        home = "/second";
        configuration.Reload();

        Assert.Equal("/second", configuration["h"]);
    }

    private sealed class MachineOptions
    {
        public MeshOptions Mesh { get; set; } = new();

        // HOCON keys are hyphenated; ConfigurationKeyName maps them to C# names.
        [ConfigurationKeyName("cores-per-cluster")]
        public int CoresPerCluster { get; set; }

        [ConfigurationKeyName("clock-ghz")]
        public double ClockGhz { get; set; }

        public bool Enabled { get; set; }

        public string Name { get; set; } = string.Empty;

        public List<string> Features { get; set; } = [];

        public List<ClusterOptions> Clusters { get; set; } = [];
    }

    private sealed class MeshOptions
    {
        public int X { get; set; }

        public int Y { get; set; }
    }

    private sealed class ClusterOptions
    {
        public int Id { get; set; }
    }
}
