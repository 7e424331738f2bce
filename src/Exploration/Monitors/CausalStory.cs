using System.Globalization;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// Tells the story of a violation: the causal history of the failing delivery (<see cref="CausalSlice"/>)
/// — the sends that led to it, the deviations from the default order that made it possible, what its
/// receiver took before — cut to a screenful, one line per delivery in step order, who received what
/// from whom by path, with the message's type and text. It keeps a reference to each delivery of the
/// run (the list is reused from run to run); the text is made only when a story is asked for.
/// </summary>
public sealed class CausalStory(int lines = CausalStory.DefaultLines) : RunMonitor, IStateDigest
{
    /// <summary>A screenful, with the summary line and a few gap lines.</summary>
    public const int DefaultLines = 24;

    /// <summary>Longest message text shown; a record of lists can print for pages.</summary>
    private const int TextLimit = 160;

    private readonly int _lines = Math.Max(1, lines);

    /// <summary>This run's deliveries, indexed by step (null where a step delivered nothing: an action timer).</summary>
    private readonly List<Delivery?> _steps = [];

    public override string Name => "causal-story";

    /// <summary>Its record is the story of a failure, never a verdict: no state the future depends on.</summary>
    public ulong StateDigest() => 0;

    public override void OnRunStart() => _steps.Clear();

    public override void OnDelivery(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        while (_steps.Count < delivery.Step)
        {
            _steps.Add(null);
        }

        // A dead letter is shown at its own step, once; a step delivers one message at most.
        if (_steps.Count == delivery.Step)
        {
            _steps.Add(delivery);
        }
    }

    /// <summary>The story of <paramref name="driver"/>'s run as it stands: empty unless it failed.</summary>
    public IReadOnlyList<string> Story(ControlledDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return driver.Failure is { } failure ? Story(failure.Step, driver.ChosenIndices) : [];
    }

    /// <summary>
    /// The story of the last delivery at or before <paramref name="failedAtStep"/>: a summary line,
    /// then its history's chosen deliveries (deviations marked <c>*</c>), with a line for each gap.
    /// <paramref name="chosenIndices"/> are the run's choices by step (0: the default order's).
    /// </summary>
    public IReadOnlyList<string> Story(long failedAtStep, IReadOnlyList<int> chosenIndices)
    {
        ArgumentNullException.ThrowIfNull(chosenIndices);
        var target = Math.Min(failedAtStep, _steps.Count - 1);
        while (target >= 0 && _steps[(int)target] is null)
        {
            target--;
        }

        if (target < 0)
        {
            return ["the run failed before any delivery"];
        }

        var slice = new SliceStep?[target + 1];
        for (var s = 0; s <= target; s++)
        {
            if (_steps[s] is { } d)
            {
                slice[s] = new SliceStep(d.Receiver, d.CauseStep, s < chosenIndices.Count && chosenIndices[s] != 0,
                    SliceStep.KindOf(d.Sender, DeliveredMessage.Unwrap(d.Message).GetType().Name, d.IsDeadLetter));
            }
        }

        var screen = CausalSlice.Screen(slice, target, _lines);
        var deviations = screen.History.Count(s => slice[s]!.Value.IsDeviation);
        var story = new List<string>(screen.LineCount + 1)
        {
            string.Create(CultureInfo.InvariantCulture,
                $"the causal history of step #{target} ({_steps[(int)target]!.Receiver}): {screen.History.Count - 1} deliveries before it, {deviations} of them out of the default order (*); {screen.Shown.Count} shown"),
        };
        foreach (var line in screen.Lines)
        {
            if (line.Skipped > 0)
            {
                // The history's deliveries between two shown ones: counted, not listed.
                story.Add(string.Create(CultureInfo.InvariantCulture, $"  … {line.Skipped} more of its history"));
            }

            var first = _steps[(int)line.First]!;
            story.Add(line.Count == 1 ? Line(first, slice[line.First]!.Value.IsDeviation) : Run(first, _steps[(int)line.Last]!, line.Count));
        }

        return story;
    }

    /// <summary><c>#first…#last @t…t ms receiver ← sender: n× Type, the last: text</c>.</summary>
    private static string Run(Delivery first, Delivery last, int count) => string.Create(CultureInfo.InvariantCulture,
        $"  #{first.Step}…#{last.Step} @{first.Now.TotalMilliseconds:0.###}…{last.Now.TotalMilliseconds:0.###} ms {first.Receiver}{(first.IsDeadLetter ? " (stopped: dead letters)" : "")} ← {first.Sender}: {count}× {DeliveredMessage.Unwrap(first.Message).GetType().Name}, the last: {Text(last)}");

    /// <summary><c>#step @t ms receiver ← sender: Type text</c>, with <c>*</c> in front of a deviation.</summary>
    private static string Line(Delivery d, bool deviation)
    {
        return string.Create(CultureInfo.InvariantCulture,
            $"{(deviation ? "* " : "  ")}#{d.Step} @{d.Now.TotalMilliseconds:0.###} ms {d.Receiver}{(d.IsDeadLetter ? " (stopped: a dead letter)" : "")} ← {d.Sender}{(d.IsUnstashed ? " (unstashed)" : "")}: {Text(d)}");
    }

    /// <summary>The message's text, cut at <see cref="TextLimit"/>; a record prints its type's name first, other messages get it in front.</summary>
    private static string Text(Delivery d)
    {
        var message = DeliveredMessage.Unwrap(d.Message);
        var text = DeliveredMessage.Text(message);
        text = text.Length > TextLimit ? text[..TextLimit] + "…" : text;
        var type = message.GetType().Name;
        return text.StartsWith(type, StringComparison.Ordinal) ? text : $"{type} {text}";
    }
}
