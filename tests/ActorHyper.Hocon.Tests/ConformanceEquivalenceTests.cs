namespace ActorHyper.Hocon.Tests;

/// <summary>
/// One tree written in every style HOCON.md allows (as lightbend's equivalence folders do with their
/// own content): each document must give exactly the tree of the plain JSON one.
/// </summary>
public sealed class ConformanceEquivalenceTests
{
    private const string Json = """
        {
          "service": { "name": "ledger", "port": 8443, "ratio": 0.75, "enabled": true, "debug": false, "owner": null },
          "limits": { "retries": [1, 2, 4], "hosts": ["alpha", "beta"], "empty": [] },
          "text": { "greeting": "hello world", "path": "/var/lib/ledger", "quote": "say \"hi\"" }
        }
        """;

    public static TheoryData<string, string> Documents => new()
    {
        { "json without whitespace", """{"service":{"name":"ledger","port":8443,"ratio":0.75,"enabled":true,"debug":false,"owner":null},"limits":{"retries":[1,2,4],"hosts":["alpha","beta"],"empty":[]},"text":{"greeting":"hello world","path":"/var/lib/ledger","quote":"say \"hi\""}}""" },
        { "comments everywhere", """
            // leading comment
            { # after the brace
              "service" : { // the service
                "name" : "ledger", ## doubled
                "port" : 8443 # { not a brace
                , "ratio" : 0.75 // comma on the next line
                "enabled" : true, "debug" : false
                "owner" : null
              },
            ######## banner
              "limits" : {
                "retries" : [ 1, # one
                  2, // two
                  4 ],
                "hosts" : [ "alpha", "beta" ] // trailing
                "empty" : [ # nothing
                ]
              }
              "text" : {
                "greeting" : "hello world" //
                "path" : "/var/lib/ledger"
                "quote" : "say \"hi\""
              }
            } // done
            """ },
        { "equals and no commas", """
            {
              service = {
                name = "ledger"
                port = 8443
                ratio = 0.75
                enabled = true
                debug = false
                owner = null
              }
              limits = {
                retries = [
                  1
                  2
                  4
                ]
                hosts = [ "alpha", "beta", ]
                empty = []
              }
              text = {
                greeting = "hello world"
                path = "/var/lib/ledger"
                quote = "say \"hi\""
              }
            }
            """ },
        { "no root braces, omitted colons, unquoted text", """
            service {
              name: ledger
              port: 8443
              ratio: 0.75
              enabled: true
              debug: false
              owner: null
            }
            limits
            {
              retries: [1, 2, 4]
              hosts: [alpha, beta]
              empty: []
            }
            text {
              greeting: hello world
              path: "/var/lib/ledger"
              quote: say "\"hi\""
            }
            """ },
        { "path keys, one setting a line", """
            service.name = ledger
            service.port = 8443
            service.ratio = 0.75
            service.enabled = true
            service.debug = false
            service.owner = null
            limits.retries = [1, 2, 4]
            limits.hosts = [alpha, beta]
            limits.empty = []
            text.greeting = "hello world"
            text.path = "/var/lib/ledger"
            text.quote = "say \"hi\""
            """ },
        { "path keys with whitespace and newlines before separators", """
            service.name
              = ledger
            service.port      :     8443
            service.ratio

               : 0.75
            service { enabled = true }
            service
            { debug = false, owner = null }
            "limits".retries = [1, 2, 4]
            limits."hosts" = [alpha, beta]
            limits { empty = [] }
            text.greeting
            # a comment between key and separator
            = "hello world"
            text.path = "/var/lib/ledger"
            text.quote = "say \"hi\""
            """ },
        { "substitutions and merges", """
            service { name = ledger, port = 8000 }
            service.port = 8443
            service { ratio = 0.75, enabled = true, debug = false, owner = null }
            limits.retries = [1]
            limits.retries += 2
            limits.retries = ${limits.retries} [4]
            limits.hosts = ${?ABSENT} [alpha] [beta]
            limits.empty = [] ${?ABSENT}
            text.greeting = hello${?ABSENT}" world"
            text.path = "/var/lib/"${service.name}
            text.quote = say ${?ABSENT}"\"hi\""
            """ },
        { "triple quotes", """""
            service { name = """ledger""", port = 8443, ratio = 0.75, enabled = true, debug = false, owner = null }
            limits { retries = [1, 2, 4], hosts = ["""alpha""", """beta"""], empty = [] }
            text {
              greeting = """hello world"""
              path = """/var/lib/ledger"""
              quote = """say "hi""""
            }
            """"" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_style_gives_the_tree_of_the_plain_json(string style, string document)
    {
        Assert.False(string.IsNullOrEmpty(style));
        Conf.AssertJson(Json, document);
    }

    [Fact]
    public void The_tree_split_across_included_files_is_the_same()
    {
        using var dir = new TempDirectory();
        dir.Write("parts/service.conf", "name = ledger\nport = 8443\ninclude \"flags\"\n");
        dir.Write("parts/flags.json", """{ "ratio": 0.75, "enabled": true, "debug": false, "owner": null }""");
        dir.Write("parts/limits.json", """{ "retries": [1, 2, 4], "hosts": ["alpha", "beta"], "empty": [] }""");
        dir.Write("text.conf", "text { greeting = hello world\n path = \"/var/lib/\"${service.name}\n quote = \"say \\\"hi\\\"\" }\n");
        var main = dir.Write("main.conf", """
            service { include "parts/service.conf" }
            limits { include file("parts/limits.json") }
            include required("text")
            include "parts/not-there"
            """);
        var loaded = HoconLoader.Load([HoconSource.FromFile(main)], _ => null);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(Json)!.ToJsonString(), System.Text.Json.Nodes.JsonNode.Parse(loaded.ToJson())!.ToJsonString());
    }
}
