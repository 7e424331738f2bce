namespace ActorHyper.Hocon.Tests;

/// <summary>
/// Documents HOCON.md accepts, one per construct lightbend's suite checks (empty documents, comments,
/// duplicate keys and merging, numbers, booleans and null, unquoted and quoted strings, value
/// concatenation, path keys, arrays, <c>+=</c>, substitutions and self-references, triple quotes,
/// escapes, Unicode whitespace and the BOM), each with the tree it means. lightbend's implementation
/// gives the same trees (numbers compared by value, key order aside).
/// </summary>
public sealed class ConformanceValidTests
{
    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("", "{}")]
    [InlineData("# only a comment", "{}")]
    [InlineData("// only a comment\n", "{}")]
    [InlineData("a = 1, a = 2", "{\"a\":2}")]
    [InlineData("a { x = 1 }, a { y = 2 }", "{\"a\":{\"x\":1,\"y\":2}}")]
    [InlineData("a { x = 1 }, a = 5, a { y = 2 }", "{\"a\":{\"y\":2}}")]
    [InlineData("a = 5, a { y = 2 }", "{\"a\":{\"y\":2}}")]
    [InlineData("n = -1", "{\"n\":-1}")]
    [InlineData("n = 1.5e3", "{\"n\":1.5e3}")]
    [InlineData("n = 10e+3", "{\"n\":10e+3}")]
    [InlineData("n = 0.5", "{\"n\":0.5}")]
    [InlineData("n = .5", "{\"n\":\".5\"}")]
    [InlineData("n = 1.0.", "{\"n\":\"1.0.\"}")]
    [InlineData("n = 1-2", "{\"n\":\"1-2\"}")]
    [InlineData("n = -0.25E-2", "{\"n\":-0.25E-2}")]
    [InlineData("b = true, c = false, d = yes", "{\"b\":true,\"c\":false,\"d\":\"yes\"}")]
    [InlineData("a = null, b = \"null\"", "{\"a\":null,\"b\":\"null\"}")]
    [InlineData("a = hello world", "{\"a\":\"hello world\"}")]
    [InlineData("a = hello   world", "{\"a\":\"hello   world\"}")]
    [InlineData("a = foo//comment", "{\"a\":\"foo\"}")]
    [InlineData("a = foo#comment", "{\"a\":\"foo\"}")]
    [InlineData("a = \"x\" y \"z\"", "{\"a\":\"x y z\"}")]
    [InlineData("a = 1 2 3", "{\"a\":\"1 2 3\"}")]
    [InlineData("a = true false", "{\"a\":\"true false\"}")]
    [InlineData("a = null x", "{\"a\":\"null x\"}")]
    [InlineData("\"a.b\" = 1", "{\"a.b\":1}")]
    [InlineData("a.\"b.c\".d = 1", "{\"a\":{\"b.c\":{\"d\":1}}}")]
    [InlineData("a.b.c = 1", "{\"a\":{\"b\":{\"c\":1}}}")]
    [InlineData("1.2 = x", "{\"1\":{\"2\":\"x\"}}")]
    [InlineData("true.false = 1", "{\"true\":{\"false\":1}}")]
    [InlineData("a b = 1", "{\"a b\":1}")]
    [InlineData("\"\" = 1", "{\"\":1}")]
    [InlineData("a.\"\" = 1", "{\"a\":{\"\":1}}")]
    [InlineData("a = [1, \"two\", 3.0, true, null, [4], {five:5}]", "{\"a\":[1,\"two\",3.0,true,null,[4],{\"five\":5}]}")]
    [InlineData("a = [1,2,]", "{\"a\":[1,2]}")]
    [InlineData("a = [\n1\n2\n]", "{\"a\":[1,2]}")]
    [InlineData("a = []", "{\"a\":[]}")]
    [InlineData("a = [[]]", "{\"a\":[[]]}")]
    [InlineData("a = [1] [2]", "{\"a\":[1,2]}")]
    [InlineData("a = [1][2]", "{\"a\":[1,2]}")]
    [InlineData("x = [1], a = ${x} [3]", "{\"x\":[1],\"a\":[1,3]}")]
    [InlineData("a = {x:1} {y:2}", "{\"a\":{\"x\":1,\"y\":2}}")]
    [InlineData("a += 1", "{\"a\":[1]}")]
    [InlineData("a = [0], a += 1", "{\"a\":[0,1]}")]
    [InlineData("a += 1, a += 2", "{\"a\":[1,2]}")]
    [InlineData("a.b += 1", "{\"a\":{\"b\":[1]}}")]
    [InlineData("a = 1, b = ${a}", "{\"a\":1,\"b\":1}")]
    [InlineData("b = ${a}, a = 1", "{\"b\":1,\"a\":1}")]
    [InlineData("a = {x : 1}, b = ${a.x}", "{\"a\":{\"x\":1},\"b\":1}")]
    [InlineData("a = ${?nothing}", "{}")]
    [InlineData("a = 1, a = ${?nothing}", "{\"a\":1}")]
    [InlineData("a = [1], a = ${a} [2]", "{\"a\":[1,2]}")]
    [InlineData("a = x, a = ${a}y", "{\"a\":\"xy\"}")]
    [InlineData("a { x = 1 }, a = ${a} { y = 2 }", "{\"a\":{\"x\":1,\"y\":2}}")]
    [InlineData("path = \"/bin\", path = ${path}\":/usr/bin\"", "{\"path\":\"/bin:/usr/bin\"}")]
    [InlineData("a = 1, s = \"pre\"${a}\"post\"", "{\"a\":1,\"s\":\"pre1post\"}")]
    [InlineData("a = ${b}, b = ${c}, c = 3", "{\"a\":3,\"b\":3,\"c\":3}")]
    [InlineData("\"a.b\" = 1, c = ${\"a.b\"}", "{\"a.b\":1,\"c\":1}")]
    [InlineData("a = 1, b = ${ a }", "{\"a\":1,\"b\":1}")]
    [InlineData("a = \"\"\"multi\nline\"\"\"", "{\"a\":\"multi\\nline\"}")]
    [InlineData("a = \"\"\" \"quoted\" \"\"\"", "{\"a\":\" \\\"quoted\\\" \"}")]
    [InlineData("a = \"\"\"x\"\"\"\"", "{\"a\":\"x\\\"\"}")]
    [InlineData("a = \"tab\\tq\\u0041\"", "{\"a\":\"tab\\tqA\"}")]
    [InlineData("a = 1 // c", "{\"a\":1}")]
    [InlineData("a = [1, # c\n 2]", "{\"a\":[1,2]}")]
    [InlineData("{ # c\n a = 1 }", "{\"a\":1}")]
    [InlineData("a\u2003=\u2003 1", "{\"a\":1}")]
    [InlineData("\uFEFFa = 1", "{\"a\":1}")]
    [InlineData("a = 5 seconds", "{\"a\":\"5 seconds\"}")]
    [InlineData("foo { bar { baz = 1 } }, foo.bar.qux = 2", "{\"foo\":{\"bar\":{\"baz\":1,\"qux\":2}}}")]
    [InlineData("a = {x:1}, a = null", "{\"a\":null}")]
    [InlineData("a = null, a { y = 1}", "{\"a\":{\"y\":1}}")]
    [InlineData("a = ${?x} [1]", "{\"a\":[1]}")]
    [InlineData("a = 1, b = ${a}${a}", "{\"a\":1,\"b\":\"11\"}")]
    [InlineData("a = [1], b = ${a}${a}", "{\"a\":[1],\"b\":[1,1]}")]
    [InlineData("a={x:1}, b = ${a}{y:2}", "{\"a\":{\"x\":1},\"b\":{\"x\":1,\"y\":2}}")]
    [InlineData("a { b { c = 1 } }, a.b { d = 2 }", "{\"a\":{\"b\":{\"c\":1,\"d\":2}}}")]
    [InlineData("a = { b = ${c} }, c = 7", "{\"a\":{\"b\":7},\"c\":7}")]
    [InlineData("x = 1\ny = 2\n", "{\"x\":1,\"y\":2}")]
    [InlineData("a:1,b:2", "{\"a\":1,\"b\":2}")]
    [InlineData("{\"a\":{\"b\":[1,{\"c\":true}]}}", "{\"a\":{\"b\":[1,{\"c\":true}]}}")]
    [InlineData("a = \"\u00E9\u2211\\u00e9\"", "{\"a\":\"\u00E9\u2211\u00E9\"}")]
    [InlineData("a = -", "{\"a\":\"-\"}")]
    [InlineData("a = foo-bar_baz.qux", "{\"a\":\"foo-bar_baz.qux\"}")]
    [InlineData("a=1\n\n\n,b=2", "{\"a\":1,\"b\":2}")]
    [InlineData("a { }", "{\"a\":{}}")]
    [InlineData("a = { }", "{\"a\":{}}")]
    [InlineData("a {\n}\n", "{\"a\":{}}")]
    [InlineData("a = ${?x}b${?y}", "{\"a\":\"b\"}")]
    [InlineData("a = 1, b = ${?a} ${?a}", "{\"a\":1,\"b\":\"1 1\"}")]
    [InlineData("a = [1 2]", "{\"a\":[\"1 2\"]}")]
    public void Gives_the_tree_HOCON_md_defines(string text, string expectedJson)
    {
        Conf.AssertJson(expectedJson, text);
    }

    /// <summary>
    /// "1." is not a JSON number, and HOCON.md takes numbers from JSON, so it is unquoted text;
    /// lightbend's implementation reads it as the number 1.
    /// </summary>
    [Fact]
    public void A_number_with_a_trailing_dot_is_text_as_HOCON_md_says()
    {
        Conf.AssertJson("""{"v": "1."}""", "v = 1.");
    }
}
