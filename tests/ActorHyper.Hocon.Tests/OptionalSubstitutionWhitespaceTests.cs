namespace ActorHyper.Hocon.Tests;

/// <summary>
/// HOCON.md: an undefined <c>${?x}</c> in a string concatenation "is replaced with an empty string";
/// the whitespace written between the parts is part of the string and stays.
/// </summary>
public sealed class OptionalSubstitutionWhitespaceTests
{
    [Fact]
    public void Whitespace_before_an_undefined_optional_substitution_stays()
    {
        Conf.AssertJson("""{"v": "value "}""", "v = value ${?nope}");
    }

    [Fact]
    public void Whitespace_after_an_undefined_optional_substitution_stays()
    {
        Conf.AssertJson("""{"v": " value"}""", "v = ${?nope} value");
    }

    [Fact]
    public void Two_undefined_optional_substitutions_with_a_space_between_make_a_space()
    {
        Conf.AssertJson("""{"gap": " "}""", "gap = ${?nope} ${?never}");
    }

    [Fact]
    public void Two_undefined_optional_substitutions_written_together_leave_the_field_out()
    {
        Conf.AssertJson("""{"kept": 1}""", "kept = 1\ngone = ${?nope}${?never}");
    }

    [Fact]
    public void A_defined_number_beside_whitespace_and_an_undefined_part_becomes_a_string()
    {
        Conf.AssertJson("""{"n": 5, "s": "5 "}""", "n = 5\ns = ${n} ${?nope}");
    }

    [Fact]
    public void Whitespace_beside_an_array_or_object_is_only_layout()
    {
        Conf.AssertJson("""{"xs": [1], "o": {"k": 2}}""", "xs = [1] ${?nope}\no = ${?nope} { k : 2 }");
    }

    [Fact]
    public void A_defined_environment_value_fills_the_gap_between_the_spaces()
    {
        Conf.AssertJson("""{"v": "a mid b"}""", "v = a ${?MIDDLE} b", new Dictionary<string, string> { ["MIDDLE"] = "mid" });
    }

    [Fact]
    public void Optional_references_to_each_other_resolve_each_field_in_its_own_right()
    {
        // While "first" is resolved, "second"'s reference back to it finds nothing; resolved on its own,
        // "second" sees the finished "first".
        Conf.AssertJson("""{"first": "tail", "second": "tail"}""", "first = ${?second}tail\nsecond = ${?first}");
    }

    [Fact]
    public void Optional_self_reference_on_both_sides_of_a_string_leaves_the_string()
    {
        Conf.AssertJson("""{"s": "mid"}""", "s = ${?s}mid${?s}");
    }
}
