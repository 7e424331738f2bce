namespace ActorHyper.Hocon.Tests;

/// <summary>Every error names origin, line and column exactly, and exposes them as properties.</summary>
public sealed class ErrorReportingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertError(HoconException error, string origin, int line, int column, string reason)
    {
        Assert.Equal(origin, error.Origin);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"{origin}:{line}:{column}: {reason}", error.Message);
    }

    [Fact]
    public void Unclosed_brace_reports_end_of_input_and_where_it_opened()
    {
        var text = "a = 1\n\nactorhyper {\n  machine {\n    x = 1\n  }\n";

        AssertError(Conf.Error(text), "test.conf", 7, 1, "unclosed '{' opened at 3:12");
    }

    [Fact]
    public void Unclosed_bracket_reports_where_it_opened()
    {
        AssertError(Conf.Error("a = 1\nlist = [1,\n  2"), "test.conf", 3, 4, "unclosed '[' opened at 2:8");
    }

    [Fact]
    public void Unresolved_substitution_reports_the_substitution()
    {
        AssertError(Conf.Error("a {\n  b = 1\n  c = x ${a.b} ${a.d}\n}"), "test.conf", 3, 16, "unresolved substitution ${a.d}");
    }

    [Fact]
    public void Substitution_cycle_reports_where_it_closes()
    {
        AssertError(Conf.Error("x {\n  a = ${x.b}\n  b = [${x.a}]\n}"), "test.conf", 3, 8, "substitution cycle: x.a -> x.b -> x.b[0] -> x.a");
    }

    [Fact]
    public void Bad_duration_reports_the_value()
    {
        var config = Conf.Load("actorhyper {\n  tick =   \"10 parsecs\"\n}");

        var error = Assert.Throws<HoconException>(() => config.GetDuration("actorhyper.tick"));

        AssertError(error, "test.conf", 2, 12, "bad duration \"10 parsecs\" at actorhyper.tick (expected a number and a unit such as ms, s, minutes)");
    }

    [Fact]
    public void Include_not_found_reports_the_statement()
    {
        var main = _dir.Write("app.conf", "a = 1\nb {\n    include required(file(\"missing.conf\"))\n}");

        var error = Assert.Throws<HoconException>(() => HoconLoader.Load([HoconSource.FromFile(main)], _ => null));

        AssertError(error, main, 3, 5, "include not found: \"missing.conf\"");
    }

    [Fact]
    public void Unterminated_triple_quoted_string_reports_its_start()
    {
        AssertError(Conf.Error("a = 1\nb = \"\"\"text\nmore"), "test.conf", 2, 5, "unterminated triple-quoted string");
    }

    [Fact]
    public void Unclosed_substitution_reports_its_start()
    {
        AssertError(Conf.Error("a = 1\nb = ${a\n"), "test.conf", 2, 5, "unclosed substitution: '${' without '}' on the same line");
    }

    [Fact]
    public void A_missing_file_source_reports_the_file()
    {
        var missing = Path.Join(_dir.Path, "nope.conf");

        var error = Assert.Throws<HoconException>(() => HoconLoader.Load([HoconSource.FromFile(missing)], _ => null));

        Assert.Equal($"{missing}: configuration file not found", error.Message);
        Assert.Equal(missing, error.Origin);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Tabs_and_carriage_returns_count_as_one_column()
    {
        AssertError(Conf.Error("a = 1\r\n\tb = ${nope}\r\n"), "test.conf", 2, 6, "unresolved substitution ${nope}");
    }
}
