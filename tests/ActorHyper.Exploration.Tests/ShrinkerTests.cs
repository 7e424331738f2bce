using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Tests;

/// <summary>Shrinking a failing schedule of <see cref="PlantedRace"/>: fewer deviations, the same invariant, replayable.</summary>
public sealed class ShrinkerTests
{
    /// <summary>The first random schedule that fails, among the first hundred seeds.</summary>
    private static (ulong Seed, ScheduleResult Failing) FirstFailure(PlantedRace race)
    {
        for (ulong seed = 0; seed < 100; seed++)
        {
            var result = race.Run(seed, new RandomStrategy(seed));
            if (result.Failure is not null && result.Deviations > 3)
            {
                return (seed, result);
            }
        }

        throw new InvalidOperationException("no failing random schedule with more than three deviations in 100 seeds");
    }

    [Fact]
    public void Shrinking_cuts_deviations_and_the_shrunk_decisions_still_fail_alike_on_replay()
    {
        using var race = new PlantedRace();
        var (seed, failing) = FirstFailure(race);

        var shrunk = Shrinker.Shrink(failing, strategy => race.Run(seed, strategy));

        Assert.Equal(failing.Deviations, shrunk.DeviationsBefore);
        Assert.True(shrunk.DeviationsAfter < shrunk.DeviationsBefore, $"{shrunk.DeviationsAfter} deviations left of {shrunk.DeviationsBefore}");
        Assert.InRange(shrunk.DeviationsAfter, 0, 2);
        Assert.Equal(failing.Steps, shrunk.StepsBefore);
        Assert.Equal(shrunk.Shrunk.Steps, shrunk.StepsAfter);
        Assert.Equal("m2-before-x", shrunk.Shrunk.Failure?.Monitor);

        var replayed = race.Run(seed, new ReplayStrategy(shrunk.Shrunk.Decisions));
        Assert.Equal("m2-before-x", replayed.Failure?.Monitor);
        Assert.Equal(shrunk.Shrunk.TraceHash, replayed.TraceHash);
    }

    [Fact]
    public void The_driver_records_the_index_chosen_at_each_step_and_the_default_order_deviates_nowhere()
    {
        using var race = new PlantedRace();
        var walked = race.Run(3, new RandomStrategy(3));
        var defaulted = race.Run(3, new ReplayStrategy([]));

        Assert.Equal(walked.Decisions.Count, walked.ChosenIndices.Count);
        Assert.True(walked.Deviations > 0);
        Assert.All(defaulted.ChosenIndices, index => Assert.Equal(0, index));
        Assert.Equal(0, defaulted.Deviations);
    }
}
