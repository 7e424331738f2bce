namespace ActorHyper.Hocon.Tests;

/// <summary>A substitution whose path runs into a plain value names that value and where it was set.</summary>
public sealed class UnresolvedThroughValueTests
{
    [Fact]
    public void The_value_standing_where_an_object_was_needed_is_named_with_its_position()
    {
        var error = Conf.Error("server { port = 80 }\nserver = 5\nport = ${server.port}");
        Assert.Equal((3, 8), (error.Line, error.Column));
        Assert.Equal("unresolved substitution ${server.port}: server is number 5, set at test.conf:2:10", error.Reason);
    }

    [Fact]
    public void A_missing_key_in_an_object_says_only_that_it_is_unresolved()
    {
        var error = Conf.Error("server { }\nport = ${server.port}");
        Assert.Equal("unresolved substitution ${server.port}", error.Reason);
    }
}
