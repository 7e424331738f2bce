namespace ActorHyper.Hocon.Tests;

/// <summary>
/// <c>a += x</c> is <c>a = ${?a} [x]</c> (HOCON.md). Inside an array no substitution can name the field,
/// so the previous value it appends to is the field's earlier definition in the same object.
/// lightbend's implementation refuses these documents (its test names [1, 2, 3] as the ideal result);
/// HOCON.md defines them, so they are accepted here.
/// </summary>
public sealed class AppendInArrayTests
{
    [Fact]
    public void Appends_in_an_object_inside_an_array_collect_in_order()
    {
        Conf.AssertJson("""{"jobs": [{"steps": ["build", "test", "ship"]}]}""",
            "jobs = [ { steps += build, steps += test, steps += ship } ]");
    }

    [Fact]
    public void Appends_in_an_object_appended_with_plus_equals_collect_in_order()
    {
        Conf.AssertJson("""{"jobs": [{"steps": [1, 2]}]}""", "jobs += { steps += 1, steps += 2 }");
    }

    [Fact]
    public void An_append_inside_an_array_extends_an_earlier_array_in_the_same_object()
    {
        Conf.AssertJson("""{"xs": [{"ys": [0, 1]}]}""", "xs = [ { ys = [0], ys += 1 } ]");
    }

    [Fact]
    public void An_append_inside_an_array_does_not_reach_a_field_of_the_same_name_outside()
    {
        Conf.AssertJson("""{"steps": ["outer"], "jobs": [{"steps": ["inner"]}]}""",
            "steps = [outer]\njobs = [ { steps += inner } ]");
    }

    [Fact]
    public void An_append_to_a_non_array_inside_an_array_is_refused_with_a_position()
    {
        var error = Conf.Error("xs = [ { n = 1, n += 2 } ]");
        Assert.Equal((1, 17), (error.Line, error.Column));
        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appends_on_path_keys_inside_an_array_collect_in_order()
    {
        Conf.AssertJson("""{"xs": [{"a": {"b": [1, 2]}}]}""", "xs = [ { a.b += 1, a.b += 2 } ]");
    }
}
