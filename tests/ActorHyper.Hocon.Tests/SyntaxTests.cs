namespace ActorHyper.Hocon.Tests;

public class SyntaxTests
{
    [Fact]
    public void Comments_run_to_end_of_line_outside_quotes()
    {
        Conf.AssertJson(
            """{ "a": 1, "b": "x // not a comment # nor this", "c": "d" }""",
            """
            // leading comment
            # another
            a = 1 // trailing
            b = "x // not a comment # nor this" # trailing
            c = d// glued to the value
            """);
    }

    [Fact]
    public void Root_braces_may_be_omitted()
    {
        Conf.AssertJson("""{ "a": { "b": 1 } }""", "a { b = 1 }");
        Conf.AssertJson("""{ "a": { "b": 1 } }""", "{ a { b = 1 } }");
    }

    [Fact]
    public void Empty_document_is_an_empty_object()
    {
        Conf.AssertJson("{}", "  \n // only a comment\n");
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("\"a\" : 1")]
    public void Equals_and_colon_both_separate_key_and_value(string text)
    {
        Conf.AssertJson("""{ "a": 1 }""", text);
    }

    [Theory]
    [InlineData("a { b = 1 }")]
    [InlineData("a = { b = 1 }")]
    [InlineData("a : { b : 1 }")]
    [InlineData("a{b=1}")]
    public void Separator_may_be_omitted_before_an_object(string text)
    {
        Conf.AssertJson("""{ "a": { "b": 1 } }""", text);
    }

    [Theory]
    [InlineData("a = 1, b = 2")]
    [InlineData("a = 1\nb = 2")]
    [InlineData("a = 1,\nb = 2,")]
    [InlineData("{ a = 1, b = 2, }")]
    [InlineData("\n\na = 1\n\n\nb = 2\n\n")]
    public void Fields_are_separated_by_commas_or_newlines(string text)
    {
        Conf.AssertJson("""{ "a": 1, "b": 2 }""", text);
    }

    [Theory]
    [InlineData("a = [1,2,3]")]
    [InlineData("a = [1,2,3,]")]
    [InlineData("a = [\n  1\n  2\n  3\n]")]
    [InlineData("a = [ 1,\n 2,\n 3,\n ]")]
    public void Array_items_are_separated_by_commas_or_newlines(string text)
    {
        Conf.AssertJson("""{ "a": [1, 2, 3] }""", text);
    }

    [Theory]
    [InlineData("a = [1,2,3,,]", 1, 12)]
    [InlineData("a = [,1]", 1, 6)]
    [InlineData("a = [1,,2]", 1, 8)]
    [InlineData("a = 1,, b = 2", 1, 7)]
    [InlineData("{ , a = 1 }", 1, 3)]
    public void Extra_commas_are_errors(string text, int line, int column)
    {
        var error = Conf.Error(text);

        Assert.StartsWith("unexpected ','", error.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Whitespace_alone_does_not_separate_fields()
    {
        var error = Conf.Error("a = 1 b = 2");

        Assert.Equal("test.conf:1:9: expected ',' or a newline after a field, found '='", error.Message);
    }

    [Fact]
    public void Path_keys_expand_to_nested_objects()
    {
        Conf.AssertJson("""{ "a": { "b": { "c": 1 } } }""", "a.b.c = 1");
    }

    [Fact]
    public void Quoted_key_segments_keep_their_dots()
    {
        var config = Conf.Load("\"a.b\".c = 1\nx.\"\".y = 2");

        Assert.Equal(1, config.GetInt("\"a.b\".c"));
        Assert.Equal(2, config.GetInt("x.\"\".y"));
        Assert.False(config.HasPath("a.b.c"));
    }

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    public void Empty_unquoted_path_elements_are_errors(string text)
    {
        Assert.Contains("empty key", Conf.Error(text).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_always_strings_and_numbers_in_keys_split_on_dots()
    {
        Conf.AssertJson(
            """{ "true": 1, "3": { "14": 2 }, "10": 3, "a b c": 4, "foo include": 5 }""",
            "true : 1\n3.14 : 2\n10 : 3\na b c : 4\nfoo include : 5");
    }

    [Fact]
    public void Quoted_strings_use_json_escapes()
    {
        var config = Conf.Load("""s = "tab\there \"q\" back\\slash \u0041 \/ \n end" """);

        Assert.Equal("tab\there \"q\" back\\slash A / \n end", config.GetString("s"));
    }

    [Theory]
    [InlineData("s = \"abc\\q\"", "invalid escape '\\q' in quoted string")]
    [InlineData("s = \"abc", "unterminated quoted string (use \"\"\" for text spanning lines)")]
    [InlineData("s = \"abc\ndef\"", "unterminated quoted string (use \"\"\" for text spanning lines)")]
    [InlineData("s = \"\\u12\"", "'\\u' must be followed by four hex digits")]
    public void Bad_quoted_strings_are_errors(string text, string reason)
    {
        Assert.Equal(reason, Conf.Error(text).Reason);
    }

    [Fact]
    public void Unquoted_strings_run_until_a_forbidden_character()
    {
        var config = Conf.Load("path = /usr/local/bin-2_x.y\nflag = -Xmx512m\nword = footrue");

        Assert.Equal("/usr/local/bin-2_x.y", config.GetString("path"));
        Assert.Equal("-Xmx512m", config.GetString("flag"));
        Assert.Equal("footrue", config.GetString("word"));
    }

    [Theory]
    [InlineData("a = x!y", '!')]
    [InlineData("a = x*y", '*')]
    [InlineData("a = x`y", '`')]
    public void Reserved_characters_need_quotes(string text, char reserved)
    {
        Assert.Equal($"character '{reserved}' is reserved and not allowed outside quotes; quote the value to use it", Conf.Error(text).Reason);
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_without_escapes()
    {
        var config = Conf.Load("s = \"\"\"line 1\n  \"quoted\" \\n raw\nline 3\"\"\"\nt = \"\"\"foo\"\"\"\"");

        Assert.Equal("line 1\n  \"quoted\" \\n raw\nline 3", config.GetString("s"));
        Assert.Equal("foo\"", config.GetString("t"));
    }

    [Fact]
    public void Simple_values_on_one_line_concatenate_keeping_inner_whitespace()
    {
        var config = Conf.Load("""
            a = hello world
            b = foo   bar   // trailing whitespace and comment dropped
            c = "quoted" unquoted" again"
            d = true foo
            e = 10ms
            f = 1.5 s
            g = null x
            h = truefoo
            """);

        Assert.Equal("hello world", config.GetString("a"));
        Assert.Equal("foo   bar", config.GetString("b"));
        Assert.Equal("quoted unquoted again", config.GetString("c"));
        Assert.Equal("true foo", config.GetString("d"));
        Assert.Equal("10ms", config.GetString("e"));
        Assert.Equal("1.5 s", config.GetString("f"));
        Assert.Equal("null x", config.GetString("g"));
        Assert.Equal("truefoo", config.GetString("h"));
    }

    [Fact]
    public void A_single_value_keeps_its_type()
    {
        Conf.AssertJson("""{ "a": true, "b": 1, "c": null, "d": "true" }""", "a = true\nb = 1\nc = null\nd = \"true\"");
    }

    [Fact]
    public void Arrays_and_objects_concatenate()
    {
        Conf.AssertJson(
            """{ "a": [1, 2, 3, 4], "o": { "x": 1, "y": 2, "z": 3 }, "n": [[1, 2, 3, 4]], "s": ["1 2 3"] }""",
            """
            a = [1, 2] [3, 4]
            o = { x = 1, y = 1 } { y = 2 } { z = 3 }
            n = [ [1, 2] [3, 4] ]
            s = [ 1 2 3 ]
            """);
    }

    [Theory]
    [InlineData("a = [1] {b = 2}", "cannot concatenate an object with an array (only strings, only arrays, or only objects can be joined)")]
    [InlineData("a = {b = 2} foo", "cannot concatenate an object with a string (only strings, only arrays, or only objects can be joined)")]
    public void Mixed_concatenation_is_an_error(string text, string reason)
    {
        Assert.Equal(reason, Conf.Error(text).Reason);
    }

    [Fact]
    public void Numbers_keep_their_written_form()
    {
        var config = Conf.Load("i = 10\nl = 9876543210\nd = 1.5\ne = 1e5\nn = -2.5E-3\nz = 0");

        Assert.Equal(10, config.GetInt("i"));
        Assert.Equal(9876543210L, config.GetLong("l"));
        Assert.Equal(1.5, config.GetDouble("d"));
        Assert.Equal(100000.0, config.GetDouble("e"));
        Assert.Equal(-0.0025, config.GetDouble("n"));
        var number = Assert.IsType<HoconNumber>(config.GetValue("i"));
        Assert.True(number.IsInteger);
        Assert.False(Assert.IsType<HoconNumber>(config.GetValue("d")).IsInteger);
        Conf.AssertJson("""{ "i": 10, "l": 9876543210, "d": 1.5, "e": 1e5, "n": -2.5E-3, "z": 0 }""", "i = 10\nl = 9876543210\nd = 1.5\ne = 1e5\nn = -2.5E-3\nz = 0");
    }

    [Fact]
    public void Keywords_are_typed_values()
    {
        var config = Conf.Load("t = true\nf = false\nn = null");

        Assert.True(config.GetBoolean("t"));
        Assert.False(config.GetBoolean("f"));
        Assert.IsType<HoconNull>(config.GetValue("n"));
    }

    [Fact]
    public void Json_documents_parse_as_json()
    {
        Conf.AssertJson(
            """{"a":[1,2.5e3,true,null,"x\u0041"],"b":{"c":{}},"d":[]}""",
            """{"a":[1,2.5e3,true,null,"x\u0041"],"b":{"c":{}},"d":[]}""");
    }

    [Fact]
    public void Unicode_separators_and_bom_are_whitespace()
    {
        Conf.AssertJson("""{ "a": 1, "b": "x\u00a0y" }""", "\uFEFFa\u00A0=\u20031\nb = x\u00A0y");
    }

    [Fact]
    public void Include_is_an_ordinary_word_outside_key_position()
    {
        Conf.AssertJson("""{ "a": "include", "b": ["include"], "include": 1 }""", "a = include\nb = [ include ]\n\"include\" = 1");
    }

    [Fact]
    public void Root_array_is_rejected()
    {
        Assert.Equal("a configuration document must be an object, not an array", Conf.Error("[1, 2]").Reason);
    }

    [Fact]
    public void Unbalanced_closing_brace_is_an_error()
    {
        var error = Conf.Error("a = 1\n}");

        Assert.Equal("test.conf:2:1: unbalanced '}' with no '{' to close", error.Message);
    }

    [Fact]
    public void Key_without_value_is_an_error()
    {
        Assert.Equal("test.conf:2:1: expected a value, found end of input", Conf.Error("a =\n").Message);
        Assert.Equal("test.conf:1:2: expected ':', '=', '+=' or '{' after key \"a\", found a newline", Conf.Error("a\nb = 1").Message);
    }

    [Fact]
    public void Substitutions_are_not_allowed_in_keys()
    {
        Assert.Equal("substitutions are not allowed in keys", Conf.Error("a ${b} = 1").Reason);
    }
}
