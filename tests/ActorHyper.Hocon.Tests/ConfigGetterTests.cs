namespace ActorHyper.Hocon.Tests;

public class ConfigGetterTests
{
    [Fact]
    public void HasPath_is_true_only_for_present_non_null_values()
    {
        var config = Conf.Load("a { b = 1, n = null, o {} }");

        Assert.True(config.HasPath("a"));
        Assert.True(config.HasPath("a.b"));
        Assert.True(config.HasPath("a.o"));
        Assert.False(config.HasPath("a.n"));
        Assert.False(config.HasPath("a.missing"));
        Assert.False(config.HasPath("a.b.c"));
    }

    [Fact]
    public void GetString_converts_numbers_and_booleans()
    {
        var config = Conf.Load("s = text\nn = 1.50\nb = false");

        Assert.Equal("text", config.GetString("s"));
        Assert.Equal("1.50", config.GetString("n"));
        Assert.Equal("false", config.GetString("b"));
    }

    [Fact]
    public void Numeric_getters_accept_numeric_strings()
    {
        var config = Conf.Load("i = \"42\"\nd = \"-1.5e1\"\nl = \"9000000000\"");

        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(-15.0, config.GetDouble("d"));
        Assert.Equal(9_000_000_000L, config.GetLong("l"));
    }

    [Fact]
    public void Integer_getters_accept_whole_numbers_written_with_fraction_or_exponent()
    {
        var config = Conf.Load("a = 2.0\nb = 1e3");

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal(1000L, config.GetLong("b"));
    }

    [Fact]
    public void GetInt_rejects_fractions_and_out_of_range_values()
    {
        var config = Conf.Load("f = 1.5\nbig = 3000000000");

        Assert.Equal("test.conf:1:5: wrong type at f: expected an integer, found number 1.5", Assert.Throws<HoconException>(() => config.GetInt("f")).Message);
        Assert.Equal("test.conf:2:7: 3000000000 at big is out of range for a 32-bit integer", Assert.Throws<HoconException>(() => config.GetInt("big")).Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void GetBoolean_accepts_the_six_spec_spellings(string written, bool expected)
    {
        Assert.Equal(expected, Conf.Load($"b = {written}").GetBoolean("b"));
    }

    [Fact]
    public void GetBoolean_rejects_other_strings_naming_the_place()
    {
        var error = Assert.Throws<HoconException>(() => Conf.Load("x {\n  flag = maybe\n}").GetBoolean("x.flag"));

        Assert.Equal("test.conf:2:10: wrong type at x.flag: expected a boolean (true/false, yes/no, on/off), found string \"maybe\"", error.Message);
        Assert.Equal("test.conf", error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
    }

    [Fact]
    public void GetStringList_converts_elements_and_numerically_indexed_objects()
    {
        var config = Conf.Load("l = [a, 2, true]\no { 2 = c, 0 = a, 1 = b, x = ignored }");

        Assert.Equal(["a", "2", "true"], config.GetStringList("l"));
        Assert.Equal(["a", "b", "c"], config.GetStringList("o"));
    }

    [Fact]
    public void GetStringList_names_the_bad_element()
    {
        var error = Assert.Throws<HoconException>(() => Conf.Load("l = [a, {}]").GetStringList("l"));

        Assert.Equal("test.conf:1:9: wrong type at l[1]: expected a string, found an object", error.Message);
    }

    [Fact]
    public void GetConfig_scopes_paths_and_errors_keep_the_full_path()
    {
        var sub = Conf.Load("actorhyper.machine { cores = 4, name = x }").GetConfig("actorhyper.machine");

        Assert.Equal(4, sub.GetInt("cores"));
        Assert.Equal("missing value at actorhyper.machine.nope", Assert.Throws<HoconException>(() => sub.GetInt("nope")).Message);
        Assert.Equal("test.conf:1:40: wrong type at actorhyper.machine.name: expected an integer, found string \"x\"", Assert.Throws<HoconException>(() => sub.GetInt("name")).Message);
    }

    [Fact]
    public void Missing_paths_and_nulls_are_errors()
    {
        var config = Conf.Load("n = null\ns = x");

        var missing = Assert.Throws<HoconException>(() => config.GetString("a.b"));
        Assert.Equal("missing value at a.b", missing.Message);
        Assert.Null(missing.Line);
        Assert.Equal("test.conf:1:5: wrong type at n: expected a string, found null", Assert.Throws<HoconException>(() => config.GetString("n")).Message);
        Assert.Equal("test.conf:2:5: wrong type at s: expected an object, found string \"x\"", Assert.Throws<HoconException>(() => config.GetConfig("s")).Message);
    }

    [Fact]
    public void Getter_paths_are_path_expressions()
    {
        var config = Conf.Load("\"a.b\" { \"c d\" = 1 }");

        Assert.Equal(1, config.GetInt("\"a.b\".\"c d\""));
        Assert.Equal("invalid path expression \"a..b\": empty key (write \"\" for an empty key)", Assert.Throws<HoconException>(() => config.GetInt("a..b")).Reason);
    }
}
