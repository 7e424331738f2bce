namespace ActorHyper.Hocon.Tests;

/// <summary>
/// A field defined several times, one definition a substitution of another object that refers back into
/// the field. HOCON.md leaves what such a reference sees to the implementation; lightbend's tests (and
/// its implementation) make it look back: it sees the definitions before the substitution when there
/// are some, and the field without the object's contribution when the object is resolved first.
/// </summary>
public sealed class DelayedMergeLookBackTests
{
    [Fact]
    public void A_reference_from_the_substituted_object_sees_the_definition_before_it()
    {
        Conf.AssertJson(
            """{"site": {"limits": {"max": 9}, "copy": 5, "mode": "x"}, "template": {"copy": 5, "mode": "x"}, "other": {"limits": {"max": 9}}}""",
            """
            site.limits.max = 5
            template {
              copy = ${site.limits.max}
              mode = x
            }
            site = ${template}
            site.limits = { max : 9 }
            other.limits = ${site.limits}
            """);
    }

    [Fact]
    public void Resolved_first_the_substituted_object_sees_the_field_without_itself()
    {
        // template is resolved before site: site without template's contribution has limits.max 9.
        Conf.AssertJson(
            """{"template": {"copy": 9, "mode": "x"}, "site": {"limits": {"max": 9}, "copy": 9, "mode": "x"}}""",
            """
            template {
              copy = ${site.limits.max}
              mode = x
            }
            site.limits.max = 5
            site = ${template}
            site.limits = { max : 9 }
            """);
    }

    [Fact]
    public void A_reference_that_leads_back_to_the_object_being_resolved_sees_the_earlier_definition()
    {
        // Resolving template.copy needs site.size, and site includes template: without it, site.size is 3.
        Conf.AssertJson(
            """{"template": {"copy": 3, "size": 8}, "site": {"size": 8, "copy": 3}, "mirror": {"size": 8}}""",
            """
            template {
              copy = ${site.size}
              size = 8
            }
            site.size = 3
            site = ${template}
            mirror.size = ${site.size}
            """);
    }

    [Fact]
    public void With_nothing_before_the_substitution_a_reference_back_sees_the_final_value()
    {
        Conf.AssertJson(
            """{"site": {"copy": 2, "size": 2}, "template": {"copy": 2}}""",
            """
            site = ${template}
            site.size = 2
            template { copy = ${site.size} }
            """);
    }

    [Fact]
    public void An_object_that_substitutes_its_own_enclosing_object_is_still_a_cycle()
    {
        var error = Conf.Error("outer { inner = { k : 1 }, inner = ${outer} }");
        Assert.Equal((1, 36), (error.Line, error.Column));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }
}
