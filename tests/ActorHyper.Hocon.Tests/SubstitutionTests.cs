namespace ActorHyper.Hocon.Tests;

public class SubstitutionTests
{
    [Fact]
    public void Substitution_takes_the_value_and_type_at_its_path()
    {
        Conf.AssertJson(
            """{ "a": { "b": 5, "o": { "x": true } }, "n": 5, "o": { "x": true }, "later": "fwd", "c": "fwd" }""",
            """
            a { b = 5, o { x = true } }
            n = ${a.b}
            o = ${a.o}
            later = ${c}
            c = fwd
            """);
    }

    [Fact]
    public void Substitutions_concatenate_with_strings()
    {
        var config = Conf.Load("""
            base = /opt/app
            bin = ${base}"/bin"
            lib = ${base}/lib
            greeting = ${name} is my name
            name = "Ada"
            version = 1.50
            label = v${version}
            """);

        Assert.Equal("/opt/app/bin", config.GetString("bin"));
        Assert.Equal("/opt/app/lib", config.GetString("lib"));
        Assert.Equal("Ada is my name", config.GetString("greeting"));
        Assert.Equal("v1.50", config.GetString("label"));
    }

    [Fact]
    public void Quoted_path_segments_work_in_substitutions()
    {
        Assert.Equal(7, Conf.Load("\"a.b\" { c = 7 }\nd = ${\"a.b\".c}").GetInt("d"));
    }

    [Fact]
    public void Objects_can_refer_to_their_own_fields()
    {
        var config = Conf.Load("""
            bar : { foo : 42,
                    baz : ${bar.foo}
                  }
            """);

        Assert.Equal(42, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Substitutions_look_forward_to_the_final_value()
    {
        var config = Conf.Load("""
            bar : { foo : 42,
                    baz : ${bar.foo}
                  }
            bar : { foo : 43 }
            """);

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Mutually_referring_objects_resolve()
    {
        var config = Conf.Load("""
            bar : { a : ${foo.d}, b : 1 }
            bar.b = 3
            foo : { c : ${bar.b}, d : 2 }
            foo.d = 4
            """);

        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }

    [Fact]
    public void Object_concatenation_with_a_substitution_inherits()
    {
        Conf.AssertJson(
            """{ "generic": { "cluster-size": 6 }, "east": { "cluster-size": 6, "name": "east" } }""",
            """
            generic = { cluster-size = 6 }
            east = ${generic} { name = "east" }
            """);
    }

    [Fact]
    public void A_missing_required_substitution_is_an_error()
    {
        var error = Conf.Error("a = 1\nb = ${nope.x}");

        Assert.Equal("test.conf:2:5: unresolved substitution ${nope.x}", error.Message);
    }

    [Fact]
    public void A_missing_optional_substitution_omits_the_field()
    {
        Conf.AssertJson("""{ "a": 1 }""", "a = 1\nb = ${?nope}");
    }

    [Fact]
    public void A_missing_optional_substitution_keeps_the_previous_value()
    {
        Conf.AssertJson("""{ "a": 1 }""", "a = 1\na = ${?nope}");
    }

    [Fact]
    public void Missing_optional_substitutions_vanish_from_arrays_and_concatenations()
    {
        Conf.AssertJson(
            """{ "list": [1, 3], "s": "foo", "both": "x" }""",
            """
            list = [1, ${?nope}, 3]
            s = ${?nope}foo
            both = ${?a}x${?b}
            gone = ${?a}${?b}
            """);
    }

    [Fact]
    public void Null_in_the_tree_is_found_and_concatenates_as_null()
    {
        var config = Conf.Load("n = null\na = ${n}\nb = x${n}", new Dictionary<string, string> { ["n"] = "from env" });

        Assert.IsType<HoconNull>(config.GetValue("a"));
        Assert.Equal("xnull", config.GetString("b"));
    }

    [Fact]
    public void Environment_fills_in_substitutions_missing_from_the_tree()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = "/home/ada", ["CORES"] = "8", ["EMPTY"] = "" };

        var config = Conf.Load(
            """
            home = ${HOME}
            cores = ${?CORES}
            empty = ${EMPTY}
            data = ${HOME}"/data"
            absent = ${?NOT_SET}
            """,
            environment);

        Assert.Equal("/home/ada", config.GetString("home"));
        Assert.Equal(8, config.GetInt("cores"));
        Assert.Equal(string.Empty, config.GetString("empty"));
        Assert.Equal("/home/ada/data", config.GetString("data"));
        Assert.False(config.HasPath("absent"));
    }

    [Fact]
    public void The_tree_wins_over_the_environment()
    {
        var config = Conf.Load("HOME = /tree\nh = ${HOME}", new Dictionary<string, string> { ["HOME"] = "/env" });

        Assert.Equal("/tree", config.GetString("h"));
    }

    [Fact]
    public void Self_reference_refers_to_the_previous_value()
    {
        var config = Conf.Load("""
            path : "a:b:c"
            path : ${path}":d"
            path = ${path}":x"
            list = [/bin]
            list = ${list} [/usr/bin]
            """);

        Assert.Equal("a:b:c:d:x", config.GetString("path"));
        Assert.Equal(["/bin", "/usr/bin"], config.GetStringList("list"));
    }

    [Fact]
    public void Self_reference_works_across_nested_paths_and_sees_the_value_below()
    {
        Conf.AssertJson(
            """{ "foo": { "a": 2, "c": 1 }, "x": { "y": "1-2" } }""",
            """
            foo : { a : { c : 1 } }
            foo : ${foo.a}
            foo : { a : 2 }
            x { y = 1 }
            x.y = ${x.y}-2
            """);
    }

    [Fact]
    public void Optional_self_reference_without_a_previous_value_is_undefined()
    {
        Conf.AssertJson("""{ "a": "foo" }""", "a = ${?a}foo\nb = ${?b}");
    }

    [Fact]
    public void Required_self_reference_without_a_previous_value_is_unresolved()
    {
        var error = Conf.Error("a = 1\nfoo : ${foo}");

        Assert.Equal("test.conf:2:7: unresolved substitution ${foo} (it refers to its own field, which has no earlier value)", error.Message);
    }

    [Fact]
    public void A_hidden_substitution_is_never_evaluated()
    {
        Conf.AssertJson("""{ "foo": 42, "bar": 1 }""", "foo : ${does-not-exist}\nfoo : 42\nbar : ${bar}\nbar : 1");
    }

    [Fact]
    public void A_substitution_below_an_object_must_still_resolve()
    {
        Assert.Equal("unresolved substitution ${nope}", Conf.Error("a = ${nope}\na = { x = 1 }").Reason);
    }

    [Fact]
    public void Two_fields_referring_to_each_other_form_a_cycle()
    {
        var error = Conf.Error("a = ${b}\nb = ${a}");

        Assert.Equal("test.conf:2:5: substitution cycle: a -> b -> a", error.Message);
    }

    [Fact]
    public void A_longer_loop_is_a_cycle()
    {
        var error = Conf.Error("a : ${b}\nb : ${c}\nc : ${a}");

        Assert.Equal("test.conf:3:5: substitution cycle: a -> b -> c -> a", error.Message);
    }

    [Fact]
    public void An_object_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = Conf.Error("a : { b : ${a} }");

        Assert.Equal("test.conf:1:11: substitution cycle: a -> a.b -> a", error.Message);
    }

    [Fact]
    public void An_optional_substitution_in_a_cycle_is_undefined()
    {
        Conf.AssertJson("""{ "c": 1 }""", "a = ${?b}\nb = ${?a}\nc = 1");
    }

    [Fact]
    public void A_substitution_resolves_once_for_all_its_readers()
    {
        var config = Conf.Load("a : 1\nb : 2\na : ${b}\nb : ${a}");

        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }

    [Fact]
    public void Plus_equals_appends_to_an_array()
    {
        Conf.AssertJson(
            """{ "a": [1, 2, 3], "fresh": ["x"], "nested": { "list": [{ "k": 1 }, { "k": 2 }] } }""",
            """
            a = [1]
            a += 2
            a += 3
            fresh += x
            nested.list += { k = 1 }
            nested { list += { k = 2 } }
            """);
    }

    [Fact]
    public void Plus_equals_ignores_an_environment_variable_of_the_same_name()
    {
        var config = Conf.Load("paths += /x", new Dictionary<string, string> { ["paths"] = "/env" });

        Assert.Equal(["/x"], config.GetStringList("paths"));
    }

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error()
    {
        var error = Conf.Error("a = 1\na += 2");

        Assert.Equal("test.conf:2:1: cannot concatenate number 1 with an array at a (only strings, only arrays, or only objects can be joined)", error.Message);
    }
}
