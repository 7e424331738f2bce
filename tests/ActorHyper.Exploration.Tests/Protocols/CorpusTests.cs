using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Protocols;

namespace ActorHyper.Exploration.Tests.Protocols;

/// <summary>
/// The corpus, both ways: each program's planted bug is found by the default strategy, and its
/// correct version passes every strategy. The full figures (five seeds, 10,000 and 100,000 schedules)
/// are the bench's (<c>bench corpus</c>); these bounds keep the suite short while still failing if a
/// program stops being found or starts raising an alarm.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Programs() => [.. Corpus.All.Select(static p => p.Name)];

    public static TheoryData<string, StrategyKind> ProgramsByStrategy()
    {
        var data = new TheoryData<string, StrategyKind>();
        foreach (var program in Corpus.All)
        {
            foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct, StrategyKind.Pos, StrategyKind.Portfolio })
            {
                data.Add(program.Name, strategy);
            }
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_five_programs_or_more_each_with_an_origin_and_a_bug()
    {
        Assert.True(Corpus.All.Count >= 5, $"{Corpus.All.Count} programs");
        Assert.All(Corpus.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Origin), p.Name);
            Assert.False(string.IsNullOrWhiteSpace(p.Bug), p.Name);
        });
        Assert.Equal(Corpus.All.Count, Corpus.All.Select(static p => p.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void The_default_strategy_finds_the_planted_bug(string name)
    {
        var program = Corpus.Named(name)!;
        foreach (var seed in new ulong[] { 1, 0x5EED })
        {
            var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 10_000, Seed = seed, Workers = 1 },
                program.Buggy, program.Monitors, program.Settings);

            var violation = Assert.Single(report.Violations);
            Assert.Equal(program.Invariant, violation.Invariant);
        }
    }

    [Theory]
    [MemberData(nameof(ProgramsByStrategy))]
    public void The_correct_version_raises_no_alarm(string name, StrategyKind strategy)
    {
        var program = Corpus.Named(name)!;
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 300, Seed = 7, Strategy = strategy, Workers = 1 },
            program.Correct, program.Monitors, program.Settings);

        Assert.True(report.Violations.Count == 0, report.Violations.Count == 0 ? "" : report.Violations[0].Failure.ToString());
        Assert.Equal(300, report.Schedules.Count);
    }
}
