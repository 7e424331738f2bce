using Microsoft.Extensions.Configuration;

namespace ActorHyper.Hocon;

/// <summary>Adds a resolved HOCON <see cref="Config"/> to a Microsoft.Extensions.Configuration builder.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <param name="loadConfig">Produces the configuration; called on every provider load, so it may re-read files.</param>
    public HoconConfigurationSource(Func<Config> loadConfig)
    {
        LoadConfig = loadConfig;
    }

    public Func<Config> LoadConfig { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
