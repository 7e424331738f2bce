namespace ActorHyper.Hocon.Tests;

public sealed class LayerTests : IDisposable
{
    private const string Reference = """
        actorhyper {
          machine {
            mesh { x = 4, y = 4 }
            cores = 16
            name = "mesh-"${actorhyper.machine.mesh.x}"x"${actorhyper.machine.mesh.y}
          }
          tick = 10ms
          features = [fpu]
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Config Load(params HoconSource[] sources) => HoconLoader.Load(sources, _ => null);

    [Fact]
    public void Later_layers_win_and_objects_merge()
    {
        var user = _dir.Write("app.conf", "actorhyper.machine { cores = 32, extra = true }\nactorhyper.tick = 5ms");

        var config = Load(
            HoconSource.FromText(Reference, "reference"),
            HoconSource.FromFile(user),
            HoconSource.FromSetArgument("actorhyper.tick=1ms", 1));

        Assert.Equal(32, config.GetInt("actorhyper.machine.cores"));
        Assert.True(config.GetBoolean("actorhyper.machine.extra"));
        Assert.Equal(4, config.GetInt("actorhyper.machine.mesh.x"));
        Assert.Equal(TimeSpan.FromMilliseconds(1), config.GetDuration("actorhyper.tick"));
    }

    [Fact]
    public void Substitutions_resolve_once_after_all_layers_merge()
    {
        var config = Load(
            HoconSource.FromText(Reference, "reference"),
            HoconSource.FromSetArgument("actorhyper.machine.mesh.x=8", 1),
            HoconSource.FromSetArgument("actorhyper.machine.mesh.y = 2", 2));

        Assert.Equal("mesh-8x2", config.GetString("actorhyper.machine.name"));
    }

    [Fact]
    public void A_later_layer_can_refer_to_an_earlier_value_of_the_same_field()
    {
        var config = Load(
            HoconSource.FromText(Reference, "reference"),
            HoconSource.FromSetArgument("actorhyper.features+=simd", 1),
            HoconSource.FromSetArgument("actorhyper.machine.name=${actorhyper.machine.name}-custom", 2));

        Assert.Equal(["fpu", "simd"], config.GetStringList("actorhyper.features"));
        Assert.Equal("mesh-4x4-custom", config.GetString("actorhyper.machine.name"));
    }

    [Fact]
    public void A_non_object_layer_hides_earlier_objects()
    {
        var config = Load(
            HoconSource.FromText("a { x = 1 }", "one"),
            HoconSource.FromText("a = null", "two"),
            HoconSource.FromText("a { y = 2 }", "three"));

        Assert.False(config.HasPath("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Set_values_are_hocon_values()
    {
        var config = Load(
            HoconSource.FromSetArgument("a.list=[1, 2]", 1),
            HoconSource.FromSetArgument("a.obj={ k = v }", 2),
            HoconSource.FromSetArgument("a.text=hello world", 3),
            HoconSource.FromSetArgument("\"a.b\".c=\"x=y\"", 4));

        Assert.Equal(["1", "2"], config.GetStringList("a.list"));
        Assert.Equal("v", config.GetString("a.obj.k"));
        Assert.Equal("hello world", config.GetString("a.text"));
        Assert.Equal("x=y", config.GetString("\"a.b\".c"));
    }

    [Fact]
    public void Set_errors_are_reported_against_the_override()
    {
        var error = Assert.Throws<HoconException>(() => Load(
            HoconSource.FromText("a = 1", "reference"),
            HoconSource.FromSetArgument("b=1", 1),
            HoconSource.FromSetArgument("c = [1,", 2)));

        Assert.Equal("--set #2:1:8: unclosed '[' opened at 1:5", error.Message);
    }

    [Theory]
    [InlineData("novalue", "expected path=value, but \"novalue\" has no '='")]
    [InlineData("\"a=b\"", "expected path=value, but \"\"a=b\"\" has no '='")]
    [InlineData("=1", "expected path=value, but the path before '=' in \"=1\" is empty")]
    [InlineData("  = 1", "expected path=value, but the path before '=' in \"  = 1\" is empty")]
    public void Set_arguments_need_a_path_and_an_equals_sign(string argument, string reason)
    {
        var error = Assert.Throws<HoconException>(() => HoconSource.FromSetArgument(argument, 3));

        Assert.Equal("--set #3", error.Origin);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Set_paths_are_checked_when_the_argument_is_read()
    {
        var error = Assert.Throws<HoconException>(() => HoconSource.FromSetArgument("a..b=1", 2));

        Assert.Equal("--set #2:1:1: invalid path expression \"a..b\": empty key (write \"\" for an empty key)", error.Message);
    }

    [Fact]
    public void File_sources_report_their_path_and_resolve_includes_next_to_it()
    {
        _dir.Write("conf/common.conf", "shared = 1");
        var user = _dir.Write("conf/app.conf", "include \"common.conf\"\nbroken = ${nope}");

        var error = Assert.Throws<HoconException>(() => Load(HoconSource.FromFile(user)));

        Assert.Equal($"{user}:2:10: unresolved substitution ${{nope}}", error.Message);
    }

    [Fact]
    public void No_sources_give_an_empty_configuration()
    {
        Assert.Empty(Load().Root.Fields);
    }
}
