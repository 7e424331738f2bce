using System.Globalization;
using System.Text;

namespace ActorHyper.Hocon;

/// <summary>Renders resolved values as indented JSON (two spaces, "\n" line ends), keeping key order and number text.</summary>
internal static class HoconJsonWriter
{
    private const string Indent = "  ";

    public static string Write(HoconValue value)
    {
        var json = new StringBuilder();
        Write(json, value, 0);
        return json.ToString();
    }

    private static void Write(StringBuilder json, HoconValue value, int depth)
    {
        switch (value)
        {
            case HoconObject { Count: 0 }:
                json.Append("{}");
                break;
            case HoconObject obj:
                json.Append("{\n");
                for (var i = 0; i < obj.Fields.Count; i++)
                {
                    var (key, child) = obj.Fields[i];
                    AppendIndent(json, depth + 1);
                    AppendString(json, key);
                    json.Append(": ");
                    Write(json, child, depth + 1);
                    json.Append(i < obj.Fields.Count - 1 ? ",\n" : "\n");
                }

                AppendIndent(json, depth);
                json.Append('}');
                break;
            case HoconArray { Items.Count: 0 }:
                json.Append("[]");
                break;
            case HoconArray array:
                json.Append("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    AppendIndent(json, depth + 1);
                    Write(json, array.Items[i], depth + 1);
                    json.Append(i < array.Items.Count - 1 ? ",\n" : "\n");
                }

                AppendIndent(json, depth);
                json.Append(']');
                break;
            case HoconString text:
                AppendString(json, text.Value);
                break;

            // The lexer only accepts JSON number syntax, so the original text is valid JSON.
            case HoconNumber number:
                json.Append(number.Text);
                break;
            case HoconBoolean boolean:
                json.Append(boolean.Text);
                break;
            default:
                json.Append("null");
                break;
        }
    }

    private static void AppendIndent(StringBuilder json, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            json.Append(Indent);
        }
    }

    private static void AppendString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case '\b':
                    json.Append("\\b");
                    break;
                case '\f':
                    json.Append("\\f");
                    break;
                case < ' ':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        json.Append('"');
    }
}
