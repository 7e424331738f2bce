using System.Globalization;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using Spectre.Console;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// Shows how far an exploration is while it runs: a progress bar (Spectre.Console) when the output
/// is a terminal and the report is text; otherwise a plain line on the error stream at every tenth
/// of the schedules, so a JSON report on standard output stays one document. Schedules are counted
/// from the workers' threads.
/// </summary>
public static class ExplorationProgress
{
    /// <param name="explore">Runs the exploration, calling its argument after every schedule (from any worker's thread).</param>
    /// <param name="total">The schedules the exploration will run at most.</param>
    public static ExplorationReport Run(Func<Action<ScheduleSummary>, ExplorationReport> explore, long total, bool bar, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(explore);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return bar ? WithBar(explore, total, output) : WithLines(explore, total, error);
    }

    private static ExplorationReport WithBar(Func<Action<ScheduleSummary>, ExplorationReport> explore, long total, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        ExplorationReport? report = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("schedules", maxValue: Math.Max(1, total));
                // ProgressTask takes increments from any thread.
                report = explore(summary =>
                {
                    task.Increment(1);
                    if (summary.Tree is { } tree)
                    {
                        // A depth-first search says how far it has to go: its estimate of the tree.
                        task.Description = Markup.Escape($"schedules; tree: about {DfsTreeEstimate.Format(tree.Remaining)} left");
                    }
                });
                task.Value = task.MaxValue;
            });
        return report!;
    }

    private static ExplorationReport WithLines(Func<Action<ScheduleSummary>, ExplorationReport> explore, long total, TextWriter error)
    {
        var done = 0L;
        var shown = 0L;
        var gate = new object();
        return explore(summary =>
        {
            var now = Interlocked.Increment(ref done);
            var tenth = total <= 0 ? 10 : now * 10 / total;
            if (tenth <= Interlocked.Read(ref shown))
            {
                return;
            }

            lock (gate)
            {
                if (tenth > shown)
                {
                    shown = tenth;
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"explore: {now}/{total} schedules ({tenth * 10}%)") +
                        (summary.Tree is { Schedules: > 0 } tree ? $"; tree: {tree}" : ""));
                }
            }
        });
    }
}
