using Microsoft.Extensions.Configuration;

namespace ActorHyper.Hocon;

public static class HoconConfigurationExtensions
{
    /// <summary>Adds an already loaded configuration.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        return builder.Add(new HoconConfigurationSource(() => config));
    }

    /// <summary>Adds configuration loaded from layered sources (see <see cref="HoconLoader.Load"/>) each time the provider loads.</summary>
    public static IConfigurationBuilder AddHocon(
        this IConfigurationBuilder builder,
        IEnumerable<HoconSource> sources,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var layers = sources.ToList();
        return builder.Add(new HoconConfigurationSource(() => HoconLoader.Load(layers, environment)));
    }
}
