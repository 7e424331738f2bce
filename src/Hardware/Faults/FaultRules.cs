namespace ActorHyper.Hardware.Faults;

/// <summary>
/// The seeded faults a run may draw: at most one rule per kind. At an opportunity of a point one
/// uniform draw u in [0, 1) is compared with the point's rules in the order of
/// <see cref="FaultKinds.All"/>, each taking the next slice of its probability: with ipi-lost 0.1
/// and ipi-delay 0.2, u &lt; 0.1 loses the IPI and 0.1 ≤ u &lt; 0.3 delays it.
/// </summary>
public sealed class FaultRules
{
    private readonly Dictionary<FaultPoint, FaultRule[]> byPoint;

    public FaultRules(IEnumerable<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules.OrderBy(static rule => rule.Kind)];
        if (Rules.Select(static rule => rule.Kind).Distinct().Count() != Rules.Count)
        {
            throw new ArgumentException("at most one rule per fault kind", nameof(rules));
        }

        byPoint = Rules.GroupBy(static rule => FaultKinds.PointOf(rule.Kind)).ToDictionary(static g => g.Key, static g => g.ToArray());
    }

    public static FaultRules None { get; } = new([]);

    public IReadOnlyList<FaultRule> Rules { get; }

    public bool IsEmpty => Rules.Count == 0;

    /// <summary>Whether any rule is decided at <paramref name="point"/>: if none, no draw is made there.</summary>
    public bool Covers(FaultPoint point) => byPoint.ContainsKey(point);

    /// <summary>The rule a draw <paramref name="u"/> in [0, 1) picks at <paramref name="point"/>, or null for no fault.</summary>
    public FaultRule? Pick(FaultPoint point, double u)
    {
        if (!byPoint.TryGetValue(point, out var rules))
        {
            return null;
        }

        var upTo = 0.0;
        foreach (var rule in rules)
        {
            upTo += rule.Probability;
            if (u < upTo)
            {
                return rule;
            }
        }

        return null;
    }
}
