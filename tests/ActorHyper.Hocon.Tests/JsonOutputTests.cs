namespace ActorHyper.Hocon.Tests;

public class JsonOutputTests
{
    [Fact]
    public void ToJson_renders_every_type_indented_in_insertion_order()
    {
        var config = Conf.Load("""
            z = 1
            a {
              int = 10
              double = 1.50
              exp = 1e5
              yes = true
              no = false
              nothing = null
              text = "quote \" backslash \\ tab \t newline \n bell \u0007 é"
              list = [1, "two", [], {}]
              empty {}
            }
            """);

        var expected = """
            {
              "z": 1,
              "a": {
                "int": 10,
                "double": 1.50,
                "exp": 1e5,
                "yes": true,
                "no": false,
                "nothing": null,
                "text": "quote \" backslash \\ tab \t newline \n bell \u0007 é",
                "list": [
                  1,
                  "two",
                  [],
                  {}
                ],
                "empty": {}
              }
            }
            """;
        Assert.Equal(expected, config.ToJson());
    }

    [Fact]
    public void ToJson_of_an_empty_configuration_is_an_empty_object()
    {
        Assert.Equal("{}", Conf.Load(string.Empty).ToJson());
    }
}
