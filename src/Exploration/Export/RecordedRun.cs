using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Export;

/// <summary>A replayed run and every delivery it made (<see cref="RunRecorder"/>): what <see cref="ChromeTrace"/> and <see cref="MermaidSequence"/> draw.</summary>
public sealed record RecordedRun(ScheduleResult Result, IReadOnlyList<RecordedDelivery> Deliveries)
{
    public string ToChromeTrace(string title) => ChromeTrace.Of(Deliveries, Result.Failure, title);

    public string ToMermaid(string title) => MermaidSequence.Of(Deliveries, Result.Failure, title);

    /// <summary>
    /// Just the deliveries a violation's story shows (<see cref="CausalStory"/>: the failing delivery's
    /// causal history, a screenful of about <paramref name="lines"/> lines), for an export that draws
    /// only that; the whole run if it did not fail.
    /// </summary>
    public RecordedRun Slice(int lines = CausalStory.DefaultLines) => Result.Failure is { } failure
        ? this with { Deliveries = SliceOf(Deliveries, Result.ChosenIndices, failure.Step, lines) }
        : this;

    /// <summary>The deliveries of the story of the last delivery at or before <paramref name="failedAtStep"/>, in step order.</summary>
    public static IReadOnlyList<RecordedDelivery> SliceOf(IReadOnlyList<RecordedDelivery> deliveries, IReadOnlyList<int> chosenIndices, long failedAtStep, int lines)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(chosenIndices);
        var target = deliveries.Where(d => d.Step <= failedAtStep).Select(static d => d.Step).DefaultIfEmpty(-1).Max();
        if (target < 0)
        {
            return [];
        }

        var byStep = new Dictionary<long, RecordedDelivery>();
        foreach (var d in deliveries)
        {
            byStep.TryAdd(d.Step, d);
        }

        var steps = new SliceStep?[target + 1];
        foreach (var (step, d) in byStep)
        {
            if (step <= target)
            {
                steps[step] = new SliceStep(d.Receiver, d.CauseStep, step < chosenIndices.Count && chosenIndices[(int)step] != 0, SliceStep.KindOf(d.Sender, d.MessageType, d.IsDeadLetter));
            }
        }

        return [.. CausalSlice.Screen(steps, target, lines).Shown.Select(step => byStep[step])];
    }
}
