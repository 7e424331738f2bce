using System.Globalization;
using Spectre.Console;

namespace ActorHyper.Host.Soak;

/// <summary>
/// The soak's live panel on a terminal (Spectre.Console), refreshed about once a second: time,
/// boots, kills, failures, live instances, latency, messages, heap, collections, findings.
/// </summary>
public static class SoakPanel
{
    /// <summary>Runs <paramref name="soak"/> under the panel; it reports progress through its argument.</summary>
    public static SoakReport Run(Func<Action<SoakProgress>, SoakReport> soak, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(soak);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        var table = new Table().Border(TableBorder.Rounded).AddColumn("soak").AddColumn(new TableColumn("").RightAligned());
        SoakReport? report = null;
        console.Live(table).AutoClear(true).Start(context =>
        {
            report = soak(progress =>
            {
                Fill(table, progress);
                context.Refresh();
            });
        });
        return report!;
    }

    private static void Fill(Table table, SoakProgress p)
    {
        var c = CultureInfo.InvariantCulture;
        var remaining = p.Duration - p.Elapsed;
        var rows = new (string, string)[]
        {
            ("elapsed / remaining", $"{WallDuration.Format(p.Elapsed)} / {WallDuration.Format(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining)}"),
            ("boots", string.Create(c, $"{p.Boots} of {p.Launches} launches ({(p.Elapsed.TotalSeconds > 0 ? p.Boots / p.Elapsed.TotalSeconds : 0):0.0}/s)")),
            ("kills", p.Kills.ToString(c)),
            ("refused for want of room", p.Refused.ToString(c)),
            ("failed boots", p.Failures.ToString(c)),
            ("live instances", p.Live.ToString(c)),
            ("boot latency p50 / p99 (wall)", string.Create(c, $"{p.BootLatencyP50Ms:0.0} ms / {p.BootLatencyP99Ms:0.0} ms")),
            ("messages per second", p.Messages == 0 ? "not counted (monitors off)" : string.Create(c, $"{p.Messages / Math.Max(0.001, p.Elapsed.TotalSeconds):0}")),
            ("managed heap", string.Create(c, $"{GC.GetTotalMemory(false) / 1048576.0:0.0} MiB")),
            ("GC gen0 / gen1 / gen2", string.Create(c, $"{GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)}")),
            ("violations / leaks", string.Create(c, $"{p.Violations} / {p.Leaks}")),
        };
        table.Rows.Clear();
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }
    }
}
