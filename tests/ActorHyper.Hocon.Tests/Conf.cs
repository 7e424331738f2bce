using System.Text.Json.Nodes;

namespace ActorHyper.Hocon.Tests;

/// <summary>Loads test documents with a controlled environment, so no test depends on the real one.</summary>
internal static class Conf
{
    public const string Origin = "test.conf";

    public static Config Load(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        HoconLoader.LoadText(text, Origin, Lookup(environment));

    public static HoconException Error(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        Assert.Throws<HoconException>(() => Load(text, environment));

    /// <summary>
    /// Asserts the document resolves to <paramref name="expectedJson"/>, compared in key order after
    /// System.Text.Json normalises both, so the expectation does not lean on this parser.
    /// </summary>
    public static void AssertJson(string expectedJson, string text, IReadOnlyDictionary<string, string>? environment = null) =>
        Assert.Equal(Compact(expectedJson), Compact(Load(text, environment).ToJson()));

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    public static Func<string, string?> Lookup(IReadOnlyDictionary<string, string>? environment) =>
        name => environment is not null && environment.TryGetValue(name, out var value) ? value : null;
}
