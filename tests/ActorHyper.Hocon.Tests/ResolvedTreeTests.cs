namespace ActorHyper.Hocon.Tests;

public class ResolvedTreeTests
{
    [Fact]
    public void Objects_expose_fields_in_first_insertion_order()
    {
        var root = Conf.Load("b = 1\na = 2\nb = 3").Root;

        Assert.Equal(["b", "a"], root.Keys);
        Assert.Equal(2, root.Count);
        Assert.Equal("3", Assert.IsType<HoconNumber>(root["b"]).Text);
        Assert.True(root.TryGetValue("a", out var a));
        Assert.Equal("2", Assert.IsType<HoconNumber>(a).Text);
        Assert.False(root.TryGetValue("c", out _));
    }

    [Fact]
    public void Each_json_type_has_its_own_value_class()
    {
        var root = Conf.Load("o { k = v }\nl = [1]\ns = text\ni = 10\nd = 1.5\nt = true\nn = null").Root;

        Assert.Equal("v", Assert.IsType<HoconString>(Assert.IsType<HoconObject>(root["o"])["k"]).Value);
        Assert.Single(Assert.IsType<HoconArray>(root["l"]).Items);
        Assert.Equal("text", Assert.IsType<HoconString>(root["s"]).Value);
        Assert.True(Assert.IsType<HoconBoolean>(root["t"]).Value);
        Assert.IsType<HoconNull>(root["n"]);

        var integer = Assert.IsType<HoconNumber>(root["i"]);
        Assert.True(integer.IsInteger);
        Assert.True(integer.TryGetInt64(out var ten));
        Assert.Equal(10L, ten);

        var fraction = Assert.IsType<HoconNumber>(root["d"]);
        Assert.False(fraction.IsInteger);
        Assert.False(fraction.TryGetInt64(out _));
        Assert.Equal(1.5, fraction.ToDouble());
    }

    [Fact]
    public void Values_remember_where_they_were_written()
    {
        var config = Conf.Load("a {\n  b = [x, \"y\"]\n}\nc = ${a.b}");

        Assert.Equal(new HoconPosition("test.conf", 2, 7), config.GetValue("a.b").Position);
        var items = Assert.IsType<HoconArray>(config.GetValue("c")).Items;
        Assert.Equal(new HoconPosition("test.conf", 2, 11), items[1].Position);
    }

    [Fact]
    public void Environment_values_report_the_substitution()
    {
        var config = Conf.Load("a = 1\nhome = ${HOME}", new Dictionary<string, string> { ["HOME"] = "/h" });

        Assert.Equal(new HoconPosition("test.conf", 2, 8), config.GetValue("home").Position);
    }
}
