namespace ActorHyper.Hocon.Tests;

/// <summary>
/// Where newlines may stand between a key and its separator, and between a value and the comma after it.
/// HOCON.md allows any whitespace, newlines included, between a key and its separator (JSON does too),
/// and newlines before a comma are whitespace like any other.
/// </summary>
public sealed class SeparatorPlacementTests
{
    [Theory]
    [InlineData("{ \"port\"\n : 8080 }")]
    [InlineData("port\n= 8080")]
    [InlineData("port   \n\n   :   8080")]
    [InlineData("port # the listening port\n: 8080")]
    [InlineData("port // the listening port\n\n= 8080")]
    [InlineData("{\"port\"\n:8080}")]
    public void A_newline_may_stand_between_a_key_and_its_separator(string text)
    {
        Conf.AssertJson("""{"port": 8080}""", text);
    }

    [Fact]
    public void A_newline_may_stand_between_a_key_and_its_opening_brace()
    {
        Conf.AssertJson("""{"server": {"port": 8080}}""", "server\n{\n  port = 8080\n}");
    }

    [Fact]
    public void A_newline_may_stand_between_a_path_key_and_its_separator()
    {
        Conf.AssertJson("""{"a": {"b": {"c": 1, "d": 2}}}""", "a.b.c\n  : 1\n  a.b  \n\n { d : 2 }");
    }

    [Fact]
    public void A_newline_may_stand_before_plus_equals()
    {
        Conf.AssertJson("""{"list": [1, 2]}""", "list = [1]\nlist\n+= 2");
    }

    [Fact]
    public void A_key_followed_by_a_newline_and_another_key_is_still_refused_at_the_newline()
    {
        var error = Conf.Error("alpha\nbeta = 1");
        Assert.Equal((1, 6), (error.Line, error.Column));
        Assert.Contains("after key \"alpha\", found a newline", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = 1\n, b = 2")]
    [InlineData("a = 1\n,\nb = 2")]
    [InlineData("{ a = 1 \n , \n b = 2 \n , \n }")]
    [InlineData("a = 1 # first\n, b = 2")]
    [InlineData("a = 1\n# a comment line\n,\nb = 2")]
    public void A_comma_may_start_the_line_after_a_field(string text)
    {
        Conf.AssertJson("""{"a": 1, "b": 2}""", text);
    }

    [Theory]
    [InlineData("xs = [1\n, 2\n, 3]")]
    [InlineData("xs = [1, 2, 3\n\n , \n]")]
    [InlineData("xs = [1 // one\n, 2, 3]")]
    [InlineData("xs = [1\n# comment\n,\n2,3]")]
    public void A_comma_may_start_the_line_after_an_array_element(string text)
    {
        Conf.AssertJson("""{"xs": [1, 2, 3]}""", text);
    }

    [Theory]
    [InlineData("a = 1\n,\n, b = 2", 3, 1)]
    [InlineData("xs = [1\n,\n,2]", 3, 1)]
    [InlineData("{\n, a = 1 }", 2, 1)]
    [InlineData("xs = [\n, 1]", 2, 1)]
    public void Two_commas_are_refused_even_on_separate_lines(string text, int line, int column)
    {
        var error = Conf.Error(text);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("unexpected ','", error.Message, StringComparison.Ordinal);
    }
}
