namespace ActorHyper.Hocon.Tests;

/// <summary>
/// Documents HOCON.md rules out, one per construct lightbend's suite checks (brackets, commas, keys,
/// paths, reserved characters, strings and escapes, numbers, concatenation, substitutions, includes):
/// each is refused with the line and column of the problem. lightbend's implementation refuses every one too.
/// </summary>
public sealed class ConformanceInvalidTests
{
    [Theory]
    [InlineData("]", 1, 1)]
    [InlineData("}", 1, 1)]
    [InlineData("{", 1, 2)]
    [InlineData("a = [1, 2", 1, 10)]
    [InlineData("a = { b = 1", 1, 12)]
    [InlineData("a = [,]", 1, 6)]
    [InlineData("a = [,,]", 1, 6)]
    [InlineData("a = [1,,2]", 1, 8)]
    [InlineData("a = [,1]", 1, 6)]
    [InlineData("{ , }", 1, 3)]
    [InlineData("{ , a = 1 }", 1, 3)]
    [InlineData("{ a = 1 ,, }", 1, 10)]
    [InlineData("a = 1,, b = 2", 1, 7)]
    [InlineData("{ \"k\" : }", 1, 9)]
    [InlineData("k :", 1, 4)]
    [InlineData(": 5", 1, 1)]
    [InlineData("= 5", 1, 1)]
    [InlineData("a = ${", 1, 5)]
    [InlineData("a = ${x", 1, 5)]
    [InlineData("a = ${}", 1, 5)]
    [InlineData("a = ${ ?x}", 1, 8)]
    [InlineData("a = ${x.}", 1, 5)]
    [InlineData("a = ${.x}", 1, 5)]
    [InlineData("a = ${x..y}", 1, 5)]
    [InlineData("a. = 1", 1, 1)]
    [InlineData(".a = 1", 1, 1)]
    [InlineData("a..b = 1", 1, 1)]
    [InlineData("a = b+c", 1, 6)]
    [InlineData("a = x*y", 1, 6)]
    [InlineData("a = x^y", 1, 6)]
    [InlineData("a = x?y", 1, 6)]
    [InlineData("a = x!y", 1, 6)]
    [InlineData("a = x@y", 1, 6)]
    [InlineData("a = x&y", 1, 6)]
    [InlineData("a = x\\y", 1, 6)]
    [InlineData("a = x`y", 1, 6)]
    [InlineData("a = $x", 1, 5)]
    [InlineData("a = \"unterminated", 1, 5)]
    [InlineData("a = \"line\nbreak\"", 1, 5)]
    [InlineData("a = \"\\q\"", 1, 6)]
    [InlineData("a = \"\\u12\"", 1, 6)]
    [InlineData("a = \"\"\"never closed", 1, 5)]
    [InlineData("a = 10e+3e", 1, 5)]
    [InlineData("a = 1+2", 1, 5)]
    [InlineData("a = {b:1} [2]", 1, 5)]
    [InlineData("a = 1 b = 2", 1, 9)]
    [InlineData("{ \"a\" : 1 \"b\" : 2 }", 1, 15)]
    [InlineData("{ \"a\" , 1 }", 1, 7)]
    [InlineData("{}{}", 1, 3)]
    [InlineData("{} x", 1, 4)]
    [InlineData("{} []", 1, 4)]
    [InlineData("[1, 2]", 1, 1)]
    [InlineData("${a} = 1", 1, 1)]
    [InlineData("include 5", 1, 9)]
    [InlineData("a = ${missing}", 1, 5)]
    [InlineData("a = ${b}, b = ${a}", 1, 15)]
    [InlineData("a = ${a}", 1, 5)]
    [InlineData("a = [${x}]", 1, 6)]
    [InlineData("a = \"x\" [1]", 1, 5)]
    [InlineData("a +=", 1, 5)]
    [InlineData("a = 1\n}", 2, 1)]
    [InlineData("a { b = 1 }}", 1, 12)]
    [InlineData("a = ${?x ", 1, 5)]
    [InlineData("a: { b: [ } ]", 1, 11)]
    [InlineData("a = [ 1 } ", 1, 9)]
    [InlineData("a = { b = 1 ]", 1, 13)]
    [InlineData("a = \"tab\there\"", 1, 9)]
    [InlineData("a = 1\nb", 2, 2)]
    [InlineData("x = 1\n+= 2", 2, 1)]
    [InlineData("a = 1, a = ${a}[2]", 1, 12)]
    [InlineData("a { x = 1 }, b = ${a}\"s\"", 1, 18)]
    [InlineData("a = [ { b = 1 }, { b = ${a.0.b} } ]", 1, 24)]
    [InlineData("a = x, a += y", 1, 8)]
    public void Refused_with_a_position(string text, int line, int column)
    {
        var error = Conf.Error(text);
        Assert.Equal((Conf.Origin, line, column), (error.Origin, error.Line, error.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    /// <summary>
    /// HOCON.md: concatenating an array or object with a string is an error. lightbend's implementation
    /// drops the unquoted word after an array or object instead; the spec is followed here.
    /// </summary>
    [Theory]
    [InlineData("xs = [1] extra", 1, 6)]
    [InlineData("o = {k:1} extra", 1, 5)]
    [InlineData("a = ${b}\nb = [1] extra", 2, 5)]
    public void An_array_or_object_followed_by_a_word_is_refused_as_HOCON_md_says(string text, int line, int column)
    {
        var error = Conf.Error(text);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("cannot concatenate", error.Reason, StringComparison.Ordinal);
    }
}
