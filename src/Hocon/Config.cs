using System.Globalization;

namespace ActorHyper.Hocon;

/// <summary>
/// Typed read access to a resolved configuration. Paths are HOCON path expressions (<c>a.b."c.d"</c>).
/// Getters convert as the spec recommends (numbers and booleans read as strings, numeric strings as numbers,
/// yes/no/on/off as booleans) and otherwise fail with a <see cref="HoconException"/> naming the path and,
/// where known, the file, line and column of the value.
/// </summary>
public sealed class Config
{
    // Where Root sits in the configuration it came from, so errors from GetConfig(...) name full paths.
    private readonly HoconPath _location;

    public Config(HoconObject root)
        : this(root, HoconPath.Root)
    {
    }

    private Config(HoconObject root, HoconPath location)
    {
        Root = root;
        _location = location;
    }

    public HoconObject Root { get; }

    /// <summary>True when the path leads to a value other than null.</summary>
    public bool HasPath(string path) => Find(HoconPath.Parse(path)) is { } value and not HoconNull;

    /// <summary>The value at the path, of whatever type.</summary>
    public HoconValue GetValue(string path) => Require(path).Value;

    public string GetString(string path)
    {
        var (value, where) = Require(path);
        return AsString(value, where);
    }

    public int GetInt(string path)
    {
        var (value, where) = Require(path);
        var whole = AsWholeNumber(value, where, "an integer");
        return whole is >= int.MinValue and <= int.MaxValue
            ? (int)whole
            : throw new HoconException(value.Position, $"{whole} at {where} is out of range for a 32-bit integer");
    }

    public long GetLong(string path)
    {
        var (value, where) = Require(path);
        return AsWholeNumber(value, where, "a 64-bit integer");
    }

    public double GetDouble(string path)
    {
        var (value, where) = Require(path);
        return AsNumber(value, where, "a number").ToDouble();
    }

    public bool GetBoolean(string path)
    {
        var (value, where) = Require(path);
        return value switch
        {
            HoconBoolean boolean => boolean.Value,
            HoconString { Value: "true" or "yes" or "on" } => true,
            HoconString { Value: "false" or "no" or "off" } => false,
            _ => throw WrongType(value, where, "a boolean (true/false, yes/no, on/off)"),
        };
    }

    public IReadOnlyList<string> GetStringList(string path)
    {
        var (value, where) = Require(path);
        return AsList(value, where).Select((item, index) => AsString(item, $"{where}[{index}]")).ToList();
    }

    /// <summary>The object at the path as a configuration of its own.</summary>
    public Config GetConfig(string path)
    {
        var (value, where) = Require(path);
        return value is HoconObject obj
            ? new Config(obj, _location.Concat(HoconPath.Parse(path)))
            : throw WrongType(value, where, "an object");
    }

    /// <summary>A duration such as <c>10ms</c>, <c>5 s</c> or <c>2 minutes</c>; a bare number is milliseconds.</summary>
    public TimeSpan GetDuration(string path)
    {
        var (value, where) = Require(path);
        var text = UnitSource(value, where, "a duration");
        return DurationFormat.TryParse(text, out var duration, out var problem)
            ? duration
            : throw new HoconException(value.Position, $"bad duration \"{text}\" at {where} ({problem})");
    }

    /// <summary>A size such as <c>64 KiB</c> (1024-based) or <c>1 MB</c> (1000-based); a bare number is bytes.</summary>
    public long GetBytes(string path)
    {
        var (value, where) = Require(path);
        var text = UnitSource(value, where, "a size in bytes");
        return ByteSizeFormat.TryParse(text, out var bytes, out var problem)
            ? bytes
            : throw new HoconException(value.Position, $"bad size \"{text}\" at {where} ({problem})");
    }

    /// <summary>The whole resolved tree as indented JSON, keys in insertion order.</summary>
    public string ToJson() => HoconJsonWriter.Write(Root);

    private HoconValue? Find(HoconPath path)
    {
        HoconValue current = Root;
        foreach (var key in path.Keys)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(key, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    private (HoconValue Value, string Where) Require(string path)
    {
        var parsed = HoconPath.Parse(path);
        var where = _location.Concat(parsed).ToString();
        return (Find(parsed) ?? throw new HoconException($"missing value at {where}"), where);
    }

    private static string AsString(HoconValue value, string where) => value switch
    {
        HoconString text => text.Value,
        HoconNumber number => number.Text,
        HoconBoolean boolean => boolean.Text,
        _ => throw WrongType(value, where, "a string"),
    };

    private static HoconNumber AsNumber(HoconValue value, string where, string expected) => value switch
    {
        HoconNumber number => number,
        HoconString text when JsonNumberSyntax.IsNumber(text.Value) => new HoconNumber(text.Value, text.Position),
        _ => throw WrongType(value, where, expected),
    };

    private static long AsWholeNumber(HoconValue value, string where, string expected) =>
        AsNumber(value, where, expected).TryGetInt64(out var whole) ? whole : throw WrongType(value, where, expected);

    /// <summary>Arrays, and objects with numeric keys (the spec's conversion, ordered by key, other keys ignored).</summary>
    private static IReadOnlyList<HoconValue> AsList(HoconValue value, string where)
    {
        if (value is HoconArray array)
        {
            return array.Items;
        }

        if (value is HoconObject obj)
        {
            var indexed = obj.Fields
                .Select(field => (Ok: int.TryParse(field.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index), Index: index, field.Value))
                .Where(entry => entry.Ok)
                .OrderBy(entry => entry.Index)
                .Select(entry => entry.Value)
                .ToList();
            if (indexed.Count > 0)
            {
                return indexed;
            }
        }

        throw WrongType(value, where, "a list");
    }

    /// <summary>The text to read units from: numbers as written, or a string.</summary>
    private static string UnitSource(HoconValue value, string where, string expected) => value switch
    {
        HoconNumber number => number.Text,
        HoconString text => text.Value,
        _ => throw WrongType(value, where, expected),
    };

    private static HoconException WrongType(HoconValue value, string where, string expected) =>
        new(value.Position, $"wrong type at {where}: expected {expected}, found {value.Describe()}");
}
