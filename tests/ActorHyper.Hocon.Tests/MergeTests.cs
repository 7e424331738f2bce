namespace ActorHyper.Hocon.Tests;

public class MergeTests
{
    [Fact]
    public void Duplicate_object_keys_merge()
    {
        Conf.AssertJson(
            """{ "foo": { "a": 42, "b": 43 } }""",
            """
            "foo" : { "a" : 42 },
            "foo" : { "b" : 43 }
            """);
    }

    [Fact]
    public void A_non_object_in_between_stops_the_merge()
    {
        Conf.AssertJson(
            """{ "foo": { "b": 43 } }""",
            """
            foo : { a : 42 },
            foo : null,
            foo : { b : 43 }
            """);
    }

    [Fact]
    public void Later_non_object_values_replace_earlier_ones()
    {
        Conf.AssertJson(
            """{ "a": 2, "b": "x", "c": [3] }""",
            """
            a = { x = 1 }
            a = 2
            b = [1, 2]
            b = x
            c = [1, 2]
            c = [3]
            """);
    }

    [Fact]
    public void Merging_is_recursive_and_later_leaves_win()
    {
        Conf.AssertJson(
            """{ "a": { "b": { "c": 1, "d": 20, "e": 3 }, "f": 4 } }""",
            """
            a { b { c = 1, d = 2 } }
            a { b { d = 20, e = 3 }, f = 4 }
            """);
    }

    [Fact]
    public void Path_keys_merge_like_nested_objects()
    {
        Conf.AssertJson("""{ "a": { "x": 42, "y": 43 } }""", "a.x : 42, a.y : 43");
    }

    [Fact]
    public void Keys_keep_the_order_of_their_first_appearance()
    {
        Conf.AssertJson(
            """{ "z": { "q": 3, "p": 2 }, "a": 1 }""",
            """
            z.q = 1
            a = 1
            z.p = 2
            z.q = 3
            """);
    }
}
