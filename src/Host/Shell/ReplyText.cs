using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware.Addressing;
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
            Number(i.Id), i.State.ToString(), Clusters(i.Clusters), Number(i.Ioc), Number(i.Tty), Number(i.Fb), Number(i.Cores),
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
        lines.Add("HV hypervisor, . free, a number: the instance holding the cluster");
        return lines;
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
