using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Display;
using ActorHyper.Hardware.Resources;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorHyper.Host.Shell;

/// <summary>Shell replies as pictures for a terminal: the coloured map, tables, the timeline, the frame buffer.</summary>
public static class ReplyPictures
{
    /// <summary>The answer's picture, or null when its plain lines are as good.</summary>
    public static IRenderable? For(ShellAnswer answer) => answer switch
    {
        ClusterMap map => Map(map),
        InstanceTable table => Table(table.Instances),
        InstanceTimeline timeline => Timeline(timeline),
        FrameShown frame => Frame(frame),
        _ => null,
    };

    /// <summary>Spectre's colour for instance <paramref name="id"/>: the one its frame buffer is painted in.</summary>
    public static Color ColorOf(int id) => ToColor(InstanceColors.Of(id));

    private static Color ToColor(Rgb rgb) => new(rgb.R, rgb.G, rgb.B);

    /// <summary>Black or white, whichever reads better on <paramref name="background"/>.</summary>
    private static Color TextOn(Rgb background) =>
        (0.299 * background.R) + (0.587 * background.G) + (0.114 * background.B) > 140 ? Color.Black : Color.White;

    /// <summary>
    /// The mesh, y up and x right, one cell per cluster: an instance's cells in its colour with its
    /// number, the hypervisor's cell marked HV, free cells dim, the I/O cluster with a star; a legend.
    /// </summary>
    public static IRenderable Map(ClusterMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var owners = map.Clusters.ToDictionary(c => c.Cluster, c => c.Owner);
        var labelWidth = Math.Max(1, Number(map.MeshY - 1).Length);
        var rows = new List<IRenderable> { new Markup("[grey]y[/]") };
        for (var y = map.MeshY - 1; y >= 0; y--)
        {
            var line = Markup.Escape(Number(y).PadLeft(labelWidth)) + " ";
            for (var x = 0; x < map.MeshX; x++)
            {
                var cluster = new ClusterId(x, y);
                var io = map.IoCluster == cluster ? "*" : " ";
                line += owners.TryGetValue(cluster, out var owner) ? Cell(owner, io) : "[red] ?  [/]";
            }

            rows.Add(new Markup(line));
        }

        rows.Add(new Markup(new string(' ', labelWidth + 1) + string.Concat(Enumerable.Range(0, map.MeshX)
            .Select(x => $"[grey]{Number(x),3} [/]")) + "[grey] x[/]"));
        rows.Add(new Markup(Legend(map)));
        return new Rows(rows);
    }

    private static string Cell(ClusterOwner owner, string io) => owner.Kind switch
    {
        OwnerKind.Hypervisor => $"[bold white on grey37]HV{io} [/]",
        OwnerKind.Free => $"[grey35] .{io} [/]",
        _ => $"[{Hex(TextOn(InstanceColors.Of(owner.InstanceId)))} on {Hex(ColorOf(owner.InstanceId))}]{Number(owner.InstanceId),2}{io} [/]",
    };

    private static string Legend(ClusterMap map)
    {
        var instances = map.Clusters.Where(c => c.Owner.Kind == OwnerKind.Instance).Select(c => c.Owner.InstanceId).Distinct().Order();
        var parts = new List<string> { "[bold white on grey37]HV[/] hypervisor", "[grey35].[/] free" };
        if (map.IoCluster is { } io)
        {
            parts.Add($"* I/O cluster {io}");
        }

        parts.AddRange(instances.Select(id => $"[{Hex(ColorOf(id))}]██[/] instance {Number(id)}"));
        return string.Join("   ", parts);
    }

    private static string Hex(Color color) => color.ToHex() is var hex && hex.StartsWith('#') ? hex : "#" + hex;

    /// <summary>The instance table: ids in their colours, states coloured, the clusters column short.</summary>
    public static IRenderable Table(IReadOnlyList<InstanceInfo> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Count == 0)
        {
            return new Markup("[grey]no instances[/]" + Environment.NewLine);
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "ID", "STATE", "CLUSTERS", "IOC", "TTY", "FB", "CORES" })
        {
            table.AddColumn(new TableColumn($"[bold]{header}[/]"));
        }

        foreach (var i in instances)
        {
            table.AddRow(
                new Markup($"[{Hex(ColorOf(i.Id))}]██[/] {Number(i.Id)}"),
                new Markup(State(i.State)),
                new Text(ReplyText.ShortClusters(i.Clusters)),
                new Text(Number(i.Ioc)),
                new Text(Number(i.Tty)),
                new Text(Number(i.Fb)),
                new Text(Number(i.Cores)));
            if (i.FailureReason is { } reason)
            {
                table.AddRow(new Text(""), new Markup("[red]failed at[/]"),
                    new Markup($"[red]{Markup.Escape($"{i.FailedStep}: {reason}")}[/]"), new Text(""), new Text(""), new Text(""), new Text(""));
            }
        }

        return table;
    }

    public static string State(InstanceState state) => state switch
    {
        InstanceState.Running => "[green]Running[/]",
        InstanceState.Failed => "[bold red]Failed[/]",
        InstanceState.Stopped or InstanceState.Stopping => $"[grey]{state}[/]",
        _ => $"[yellow]{state}[/]",
    };

    /// <summary>The steps in order, each with its time from the first and a bar for the time it took.</summary>
    public static IRenderable Timeline(InstanceTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"instance {Number(timeline.InstanceId)}: {State(timeline.State)}")
            .AddColumn("[bold]STEP[/]").AddColumn(new TableColumn("[bold]AT[/]").RightAligned()).AddColumn("[bold]TOOK[/]");
        if (timeline.Steps.Count == 0)
        {
            return table;
        }

        var start = timeline.Steps[0].At;
        var longest = Enumerable.Range(1, timeline.Steps.Count - 1).Select(i => timeline.Steps[i].At - timeline.Steps[i - 1].At)
            .DefaultIfEmpty(TimeSpan.Zero).Max();
        for (var i = 0; i < timeline.Steps.Count; i++)
        {
            var took = i == 0 ? TimeSpan.Zero : timeline.Steps[i].At - timeline.Steps[i - 1].At;
            var width = longest > TimeSpan.Zero ? (int)Math.Round(20 * took.Ticks / (double)longest.Ticks) : 0;
            table.AddRow(
                new Text(timeline.Steps[i].Step.ToString()),
                new Text(ReplyText.Since(timeline.Steps[i].At, start)),
                new Markup($"[{Hex(ColorOf(timeline.InstanceId))}]{new string('█', width)}[/]"));
        }

        return table;
    }

    /// <summary>Canvas cells across: each is two characters wide, so the frame fits an 80-column terminal.</summary>
    private const int CanvasWidth = 32;

    /// <summary>The frame, sampled onto a small canvas.</summary>
    public static IRenderable Frame(FrameShown frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var pixels = FrameGeometry.Raster(frame.Fills);
        var height = Math.Max(1, frame.Height * CanvasWidth / frame.Width);
        var canvas = new Canvas(CanvasWidth, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < CanvasWidth; x++)
            {
                var pixel = pixels[((y * frame.Height / height) * frame.Width) + (x * frame.Width / CanvasWidth)];
                canvas.SetPixel(x, y, ToColor(pixel));
            }
        }

        return new Rows(new Markup($"frame buffer {Number(frame.Channel)} of instance {Number(frame.InstanceId)}: " +
            $"{Number(frame.Width)}x{Number(frame.Height)}, {Number(frame.Fills.Count)} fills painted"), canvas);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
