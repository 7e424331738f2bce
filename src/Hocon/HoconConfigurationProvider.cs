using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ActorHyper.Hocon;

/// <summary>
/// Exposes a resolved HOCON tree as flat configuration keys: objects become <c>:</c>-separated
/// sections, array items indexed keys (<c>a:0</c>), null a null value, so <c>ConfigurationBinder</c>
/// can bind sections to options classes.
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    public HoconConfigurationProvider(HoconConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _source.LoadConfig().Root.Fields)
        {
            Flatten(data, key, value);
        }

        Data = data;
    }

    private static void Flatten(Dictionary<string, string?> data, string key, HoconValue value)
    {
        switch (value)
        {
            // Empty containers still show up as a key, as the JSON provider does, so the section exists.
            case HoconObject { Count: 0 }:
            case HoconArray { Items.Count: 0 }:
                data[key] = null;
                break;
            case HoconObject obj:
                foreach (var (childKey, child) in obj.Fields)
                {
                    Flatten(data, ConfigurationPath.Combine(key, childKey), child);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Flatten(data, ConfigurationPath.Combine(key, i.ToString(CultureInfo.InvariantCulture)), array.Items[i]);
                }

                break;
            case HoconString text:
                data[key] = text.Value;
                break;
            case HoconNumber number:
                data[key] = number.Text;
                break;
            case HoconBoolean boolean:
                data[key] = boolean.Text;
                break;
            default:
                data[key] = null;
                break;
        }
    }
}
