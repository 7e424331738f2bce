using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Display;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Host.Shell;

/// <summary>Shell replies as text for people: one reply is a few lines, with no trailing spaces.</summary>
public static class ReplyText
{
    private const string ColumnGap = "  ";

    private static readonly string[] TableHeader = ["ID", "STATE", "CLUSTERS", "IOC", "TTY", "FB", "CORES"];

    /// <summary>The command echoed as <c>&gt; CMD</c>, then its result.</summary>
    public static IReadOnlyList<string> Transcript(ShellReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return ["> " + reply.Command, .. Result(reply)];
    }

    /// <summary>The answer's lines, or <c>error: MESSAGE</c>.</summary>
    public static IReadOnlyList<string> Result(ShellReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Answer is { } answer ? Answer(answer) : ["error: " + reply.Error];
    }

    public static IReadOnlyList<string> Answer(ShellAnswer answer) => answer switch
    {
        InstanceLaunched launched => [Launched(launched.Instance)],
        InstanceStopped stopped => [Stopped(stopped.Instance)],
        InstanceTable table => Table(table.Instances),
        ClusterMap map => Map(map),
        TtyLines tty => tty.Lines.Count == 0 ? ["(no output)"] : [.. tty.Lines],
        HelpText help => [.. help.Lines],
        InstanceTimeline timeline => Timeline(timeline),
        InstanceDetails details => Details(details),
        FrameShown frame => Frame(frame),
        _ => throw new ArgumentException($"no text for {answer?.GetType().Name ?? "null"}", nameof(answer)),
    };

    /// <summary><c>instance 6 Booting on clusters (1,0) (2,0), IOC 6, TTY 0, FB 0, 8 cores</c>.</summary>
    public static string Launched(InstanceInfo instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return $"instance {Number(instance.Id)} {instance.State} on clusters {Clusters(instance.Clusters)}, " +
            $"IOC {Number(instance.Ioc)}, TTY {Number(instance.Tty)}, FB {Number(instance.Fb)}, {Number(instance.Cores)} cores";
    }

    /// <summary><c>instance 6 Stopped: clusters (1,0) (2,0), IOC 6, TTY 0, FB 0 returned</c>.</summary>
    public static string Stopped(InstanceInfo instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return $"instance {Number(instance.Id)} {instance.State}: clusters {Clusters(instance.Clusters)}, " +
            $"IOC {Number(instance.Ioc)}, TTY {Number(instance.Tty)}, FB {Number(instance.Fb)} returned";
    }

    /// <summary>The instance table, columns aligned; a failed instance's reason on the line after it.</summary>
    public static IReadOnlyList<string> Table(IReadOnlyList<InstanceInfo> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Count == 0)
        {
            return ["no instances"];
        }

        var rows = instances.Select(i => new[]
        {
            Number(i.Id), i.State.ToString(), ShortClusters(i.Clusters), Number(i.Ioc), Number(i.Tty), Number(i.Fb), Number(i.Cores),
        }).ToList();
        var widths = TableHeader.Select((header, column) => Math.Max(header.Length, rows.Max(row => row[column].Length))).ToArray();
        var lines = new List<string> { Row(TableHeader, widths) };
        for (var i = 0; i < instances.Count; i++)
        {
            lines.Add(Row(rows[i], widths));
            if (instances[i].State == InstanceState.Failed || instances[i].FailureReason is not null)
            {
                lines.Add($"    failed at {instances[i].FailedStep?.ToString() ?? "an unknown step"}: {instances[i].FailureReason ?? "no reason given"}");
            }
        }

        return lines;
    }

    /// <summary>
    /// The mesh as a grid, y from top (MeshY-1) to bottom (0), x from left to right: <c>HV</c> for
    /// the hypervisor, <c>.</c> for a free cluster, the instance id otherwise; then the x axis and a legend.
    /// </summary>
    public static IReadOnlyList<string> Map(ClusterMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var owners = map.Clusters.ToDictionary(c => c.Cluster, c => c.Owner);
        var cells = Enumerable.Range(0, map.MeshY).ToDictionary(y => y, y => Enumerable.Range(0, map.MeshX)
            .Select(x => owners.TryGetValue(new ClusterId(x, y), out var owner) ? Cell(owner) : "?").ToArray());
        var cellWidth = Math.Max(2, Math.Max(Number(map.MeshX - 1).Length, cells.Values.SelectMany(row => row).Max(c => c.Length)));
        var labelWidth = Math.Max(1, Number(map.MeshY - 1).Length);
        var lines = new List<string> { "y" };
        for (var y = map.MeshY - 1; y >= 0; y--)
        {
            lines.Add(Number(y).PadLeft(labelWidth) + " " + string.Join(" ", cells[y].Select(cell => cell.PadLeft(cellWidth))));
        }

        lines.Add(new string(' ', labelWidth) + " " + string.Join(" ", Enumerable.Range(0, map.MeshX).Select(x => Number(x).PadLeft(cellWidth))) + "  x");
        lines.Add("HV hypervisor, . free, a number: the instance holding the cluster" + IoNote(map));
        return lines;
    }

    /// <summary>Where the I/O cluster is, when the map knows.</summary>
    internal static string IoNote(ClusterMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.IoCluster is { } io ? $"; I/O cluster {io}" : "";
    }

    /// <summary>
    /// The clusters column of the table: up to 3 clusters listed, more as a count and the span they
    /// cover, so a 20-cluster instance on a 16×16 stays one short cell: <c>20: (1,0)..(4,4)</c>.
    /// </summary>
    public static string ShortClusters(IReadOnlyList<ClusterId> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count <= 3)
        {
            return Clusters(clusters);
        }

        var low = new ClusterId(clusters.Min(c => c.X), clusters.Min(c => c.Y));
        var high = new ClusterId(clusters.Max(c => c.X), clusters.Max(c => c.Y));
        return $"{Number(clusters.Count)}: {low}..{high}";
    }

    /// <summary>A time since the first step: <c>+1.250 ms</c>.</summary>
    public static string Since(TimeSpan at, TimeSpan start) =>
        string.Create(CultureInfo.InvariantCulture, $"+{(at - start).TotalMilliseconds:0.000} ms");

    /// <summary>The steps, each with its time from the first.</summary>
    public static IReadOnlyList<string> Timeline(InstanceTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var lines = new List<string> { $"instance {Number(timeline.InstanceId)} {timeline.State}: {Number(timeline.Steps.Count)} steps" };
        lines.AddRange(StepLines(timeline.Steps, withDetail: false));
        return lines;
    }

    private static IEnumerable<string> StepLines(IReadOnlyList<StepRecord> steps, bool withDetail)
    {
        if (steps.Count == 0)
        {
            yield break;
        }

        var start = steps[0].At;
        var times = steps.Select(step => Since(step.At, start)).ToList();
        var timeWidth = times.Max(t => t.Length);
        var stepWidth = steps.Max(step => step.Step.ToString().Length);
        for (var i = 0; i < steps.Count; i++)
        {
            var line = "  " + times[i].PadLeft(timeWidth) + "  " + steps[i].Step.ToString().PadRight(stepWidth);
            yield return (withDetail ? line + "  " + steps[i].Detail : line).TrimEnd();
        }
    }

    /// <summary><c>info</c>: the instance line, its steps with times and details, each core's state, the HAT table.</summary>
    public static IReadOnlyList<string> Details(InstanceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var lines = new List<string> { Launched(details.Instance) };
        if (details.Instance.FailureReason is { } reason)
        {
            lines.Add($"failed at {details.Instance.FailedStep?.ToString() ?? "an unknown step"}: {reason}");
        }

        lines.Add("steps:");
        lines.AddRange(StepLines(details.Steps, withDetail: true));
        lines.Add("cores:");
        var coreWidth = details.Cores.Count == 0 ? 0 : details.Cores.Max(c => c.Core.ToString().Length);
        lines.AddRange(details.Cores.Select(c => "  " + c.Core.ToString().PadRight(coreWidth) + "  " + c.Status));
        lines.Add("HAT table (each core's and DMA's): " + (details.HatTable ?? "not configured yet"));
        return lines;
    }

    /// <summary>Width of the text rendering of the frame's progress bar.</summary>
    private const int FrameTextColumns = 32;

    /// <summary>
    /// <c>fb</c> as text: what the channel holds, and its middle row as a bar (<c>#</c> painted in a
    /// colour, <c>.</c> the bar's empty part, a space where nothing is painted).
    /// </summary>
    public static IReadOnlyList<string> Frame(FrameShown frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var header = $"frame buffer {Number(frame.Channel)} of instance {Number(frame.InstanceId)}: {Number(frame.Width)}x{Number(frame.Height)}, " +
            $"{Number(frame.Fills.Count)} fills painted";
        if (frame.Fills.Count == 0)
        {
            return [header, "(blank)"];
        }

        var pixels = FrameGeometry.Raster(frame.Fills);
        var row = frame.Height / 2 * frame.Width;
        var bar = new string([.. Enumerable.Range(0, FrameTextColumns).Select(column =>
        {
            var pixel = pixels[row + (column * frame.Width / FrameTextColumns) + (frame.Width / FrameTextColumns / 2)];
            return pixel == FrameGeometry.Blank ? ' ' : pixel == FrameGeometry.BarBackground ? '.' : '#';
        })]);
        return [header, "[" + bar + "]"];
    }

    private static string Cell(ClusterOwner owner) => owner.Kind switch
    {
        OwnerKind.Hypervisor => "HV",
        OwnerKind.Free => ".",
        _ => Number(owner.InstanceId),
    };

    private static string Row(string[] cells, int[] widths) =>
        string.Join(ColumnGap, cells.Select((cell, column) => column == cells.Length - 1 ? cell : cell.PadRight(widths[column])));

    private static string Clusters(IEnumerable<ClusterId> clusters) => string.Join(" ", clusters);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
