using System.Globalization;
using System.Text.Json;
using ActorHyper.Hardware.Faults;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// The faults an exploration injects (<c>--faults SPEC</c>, <c>actorhyper.faults</c>; see
/// <see cref="FaultSpecParser"/> for the format): seeded machine faults by kind and chance, and
/// shell commands typed at chosen steps. <see cref="Text"/> is the spec as written back, canonical.
/// </summary>
public sealed record FaultSpec(FaultRules Rules, IReadOnlyList<CommandAtStep> Commands)
{
    public const string Setting = "actorhyper.faults";

    public static FaultSpec None { get; } = new(FaultRules.None, []);

    public bool IsEmpty => Rules.IsEmpty && Commands.Count == 0;

    public string Text => IsEmpty
        ? ""
        : string.Join(',', Rules.Rules.Select(static rule => FaultKinds.HasDuration(rule.Kind)
                ? $"{FaultKinds.NameOf(rule.Kind)}:{Probability(rule.Probability)}:{InjectedFault.FormatDuration(rule.Duration)}"
                : $"{FaultKinds.NameOf(rule.Kind)}:{Probability(rule.Probability)}")
            .Concat(Commands.Select(static command => command.Text)));

    /// <summary>The <c>--set</c> argument that configures <paramref name="spec"/> (a quoted HOCON string).</summary>
    public static string SetArgument(string spec) => $"{Setting}={JsonSerializer.Serialize(spec)}";

    private static string Probability(double p) => p.ToString("0.############", CultureInfo.InvariantCulture);
}

/// <summary>A shell command typed once the run has made <see cref="Step"/> deliveries (or when it goes quiet before that).</summary>
public sealed record CommandAtStep(long Step, string Command)
{
    public const string Prefix = "command@step=";

    /// <summary>How specs and traces write it: <c>command@step=1200:kill -i 6</c>.</summary>
    public string Text => $"{Prefix}{Step.ToString(CultureInfo.InvariantCulture)}:{Command}";

    public override string ToString() => Text;
}
