using System.ComponentModel;
using System.Reflection;
using ActorHyper.Hocon;
using Microsoft.Extensions.Configuration;

namespace ActorHyper.Host.Configuration;

/// <summary>
/// Checks the tree against the shape of the options before the binder sees it, where the binder would
/// say too little: a section replaced by a plain value (the binder silently binds nothing, and every
/// setting in it then fails its range check), and booleans, which HOCON writes as true/false, yes/no or
/// on/off (lowercase, as HOCON.md lists them) where the binder knows only true and false.
/// </summary>
internal static class BindingPreflight
{
    private static readonly Dictionary<string, string> Booleans = new(StringComparer.Ordinal)
    {
        ["true"] = "true",
        ["yes"] = "true",
        ["on"] = "true",
        ["false"] = "false",
        ["no"] = "false",
        ["off"] = "false",
    };

    /// <summary>
    /// Rewrites the boolean settings of <paramref name="configuration"/> to the binder's spelling, or
    /// throws a <see cref="ConfigurationException"/> listing, positioned, the values that cannot be bound.
    /// </summary>
    public static void Run(Config tree, IConfiguration configuration, string section, Type options)
    {
        var problems = new List<string>();
        if (tree.Root.TryGetValue(section, out var value))
        {
            Visit(value, options, section, section, configuration, problems);
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, problems));
        }
    }

    private static void Visit(HoconValue value, Type type, string path, string key, IConfiguration configuration, List<string> problems)
    {
        if (type == typeof(bool))
        {
            if (value is HoconBoolean)
            {
                return;
            }

            if (value is HoconString text && Booleans.TryGetValue(text.Value, out var spelled))
            {
                configuration[key] = spelled;
                return;
            }

            problems.Add($"{Where(value, path)}: {path}: {Written(value)} is not a valid boolean (true/false, yes/no or on/off)");
            return;
        }

        if (!IsSection(type))
        {
            return;
        }

        if (value is not HoconObject obj)
        {
            problems.Add($"{Where(value, path)}: {path}: expected a section of settings (an object), found {Written(value)}");
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

            // The binder matches keys ignoring case, so the check does too.
            var field = obj.Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase));
            if (field.Value is { } child)
            {
                Visit(child, property.PropertyType, $"{path}.{field.Key}", ConfigurationPath.Combine(key, field.Key), configuration, problems);
            }
        }
    }

    /// <summary>An options class bound from an object, as opposed to a value the binder converts from text.</summary>
    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(ActorHyperOptions).Namespace
        && type.GetCustomAttribute<TypeConverterAttribute>() is null;

    private static string Written(HoconValue value) => value switch
    {
        HoconString text => $"\"{text.Value}\"",
        HoconNumber number => $"number {number.Text}",
        HoconBoolean boolean => $"boolean {boolean.Text}",
        HoconArray => "an array",
        HoconObject => "an object",
        _ => "null",
    };

    private static string Where(HoconValue value, string path) => value.Position?.ToString() ?? path;
}
