using System.Globalization;
using System.Text.Json.Nodes;

namespace HoconConformance;

/// <summary>Compares two resolved trees rendered as JSON: key order ignored, numbers by value.</summary>
internal static class JsonTrees
{
    public static bool Same(string left, string right) => Same(JsonNode.Parse(left), JsonNode.Parse(right));

    private static bool Same(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (null, null) => true,
        (JsonObject a, JsonObject b) => a.Count == b.Count && a.All(field => b.TryGetPropertyValue(field.Key, out var other) && Same(field.Value, other)),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(pair => Same(pair.First, pair.Second)),
        (JsonValue a, JsonValue b) => SameValue(a, b),
        _ => false,
    };

    private static bool SameValue(JsonValue a, JsonValue b)
    {
        var kind = a.GetValueKind();
        if (kind != b.GetValueKind())
        {
            return false;
        }

        return kind == System.Text.Json.JsonValueKind.Number
            ? double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture)
            : a.ToJsonString() == b.ToJsonString();
    }
}
