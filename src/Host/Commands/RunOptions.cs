using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ActorHyper.Host.Configuration;

namespace ActorHyper.Host.Commands;

/// <summary>The options of the commands that run the machine (<c>exec</c>, <c>demo</c>): they override <c>actorhyper.runtime</c>.</summary>
public sealed class RunOptions
{
    public Option<ulong?> Seed { get; } = new("--seed")
    {
        Description = "The seed of all randomness and of the controlled schedule (overrides actorhyper.runtime.seed) [default: 0, from actorhyper.runtime.seed]",
        HelpName = "S",
        CustomParser = ParseSeed,
    };

    public Option<bool> Controlled { get; } = new("--controlled")
    {
        Description = "Run under the controlled scheduler: one thread, virtual time; the same seed gives the same output (overrides actorhyper.runtime.mode) [default: off: concurrent, from actorhyper.runtime.mode]",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Controlled);
    }

    /// <summary>Applies <c>--seed</c> and <c>--controlled</c> over the configured runtime.</summary>
    public void Apply(ParseResult parsed, RuntimeOptions runtime)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(runtime);
        if (parsed.GetValue(Seed) is { } seed)
        {
            runtime.Seed = seed;
        }

        if (parsed.GetValue(Controlled))
        {
            runtime.Mode = "controlled";
        }
    }

    private static ulong? ParseSeed(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }

        result.AddError($"--seed must be a non-negative whole number, got '{text}'.");
        return null;
    }
}
