namespace ActorHyper.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Config LoadFile(string path) => HoconLoader.Load([HoconSource.FromFile(path)], _ => null);

    private static HoconException LoadError(string path) => Assert.Throws<HoconException>(() => LoadFile(path));

    [Theory]
    [InlineData("include \"other.conf\"")]
    [InlineData("include file(\"other.conf\")")]
    [InlineData("include required(\"other.conf\")")]
    [InlineData("include required(file(\"other.conf\"))")]
    [InlineData("include required( file( \"other.conf\" ) )")]
    [InlineData("include\n  \"other.conf\"")]
    public void Include_forms_merge_the_included_fields(string statement)
    {
        _dir.Write("other.conf", "b = 2");
        var main = _dir.Write("main.conf", $"a = 1\n{statement}\nc = 3");

        Assert.Equal("""{"a":1,"b":2,"c":3}""", System.Text.Json.Nodes.JsonNode.Parse(LoadFile(main).ToJson())!.ToJsonString());
    }

    [Fact]
    public void Includes_resolve_relative_to_the_including_file()
    {
        var main = _dir.Write("main.conf", "include \"sub/inner.conf\"");
        _dir.Write("sub/inner.conf", "include \"sibling.conf\"\nfrom-inner = yes");
        _dir.Write("sub/sibling.conf", "from-sibling = yes");
        _dir.Write("sibling.conf", "wrong = yes");

        var config = LoadFile(main);

        Assert.True(config.GetBoolean("from-inner"));
        Assert.True(config.GetBoolean("from-sibling"));
        Assert.False(config.HasPath("wrong"));
    }

    [Fact]
    public void Included_keys_merge_like_duplicates_in_place_of_the_statement()
    {
        _dir.Write("defaults.conf", "x { a = 1, b = 1 }\ny = included");
        var main = _dir.Write("main.conf", "x { a = 0, c = 0 }\ny = before\ninclude \"defaults.conf\"\nx.b = 2");

        var config = LoadFile(main);

        Assert.Equal(1, config.GetInt("x.a"));
        Assert.Equal(2, config.GetInt("x.b"));
        Assert.Equal(0, config.GetInt("x.c"));
        Assert.Equal("included", config.GetString("y"));
    }

    [Fact]
    public void Included_substitutions_are_relative_to_the_include_location_first()
    {
        _dir.Write("foo.conf", "x : 10, y : ${x}, z : ${top}");
        var main = _dir.Write("main.conf", "top = root-value\na : { include \"foo.conf\" }\na : { x : 42 }");

        var config = LoadFile(main);

        Assert.Equal(42, config.GetInt("a.y"));
        Assert.Equal("root-value", config.GetString("a.z"));
    }

    [Fact]
    public void A_missing_optional_include_is_ignored()
    {
        var main = _dir.Write("main.conf", "a = 1\ninclude \"missing.conf\"\ninclude file(\"missing.conf\")");

        Assert.Equal(1, LoadFile(main).GetInt("a"));
    }

    [Fact]
    public void A_missing_required_include_is_an_error_at_the_statement()
    {
        var main = _dir.Write("main.conf", "a = 1\n  include required(\"missing.conf\")");

        var error = LoadError(main);

        Assert.Equal(main, error.Origin);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Equal("include not found: \"missing.conf\"", error.Reason);
    }

    [Fact]
    public void An_include_cycle_is_an_error_naming_the_chain()
    {
        var a = _dir.Write("a.conf", "include \"b.conf\"");
        var b = _dir.Write("b.conf", "x = 1\ninclude \"a.conf\"");

        var error = LoadError(a);

        Assert.Equal($"{b}:2:1: include cycle: {a} -> {b} -> {a}", error.Message);
    }

    [Fact]
    public void Included_file_origins_follow_the_including_file_name()
    {
        _dir.Write("conf/sub/bad.conf", "a = 1\nb = [1,,2]");
        var main = _dir.Write("conf/app.conf", "include \"sub/bad.conf\"");

        var error = LoadError(main);

        Assert.Equal(Path.Join(_dir.Path, "conf", "sub", "bad.conf"), error.Origin);
        Assert.Equal((2, 8), (error.Line, error.Column));
    }

    [Fact]
    public void A_name_without_extension_loads_json_then_conf()
    {
        _dir.Write("base.json", """{ "a": 1, "b": 1 }""");
        _dir.Write("base.conf", "b = 2");
        var main = _dir.Write("main.conf", "include \"base\"");

        var config = LoadFile(main);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Text_sources_include_relative_to_their_base_directory()
    {
        _dir.Write("other.conf", "b = 2");

        var config = HoconLoader.Load([HoconSource.FromText("include \"other.conf\"", "reference", _dir.Path)], _ => null);

        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Text_without_a_base_directory_cannot_include_relative_names()
    {
        var error = Assert.Throws<HoconException>(() => Conf.Load("include \"other.conf\""));

        Assert.Equal("test.conf:1:1: cannot include \"other.conf\": test.conf has no directory to resolve it against", error.Message);
    }

    [Theory]
    [InlineData("include url(\"http://example.com/a.conf\")", "include url(...: only files can be included here; use file(\"...\")")]
    [InlineData("include classpath(\"a.conf\")", "include classpath(...: only files can be included here; use file(\"...\")")]
    [InlineData("include other.conf", "include must be followed by a quoted file name, file(\"...\") or required(...); found end of input")]
    [InlineData("include = 1", "include must be followed by a quoted file name, file(\"...\") or required(...); found '='")]
    [InlineData("include file(\"a.conf\"", "expected ')' after include quoted string \"a.conf\", found end of input")]
    public void Malformed_includes_are_errors(string text, string reason)
    {
        Assert.Equal(reason, Assert.Throws<HoconException>(() => Conf.Load(text)).Reason);
    }

    [Fact]
    public void An_included_root_array_is_an_error()
    {
        _dir.Write("list.json", "[1, 2]");
        var main = _dir.Write("main.conf", "include \"list.json\"");

        Assert.Equal("a configuration document must be an object, not an array", LoadError(main).Reason);
    }
}
