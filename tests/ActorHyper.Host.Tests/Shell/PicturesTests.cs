using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Display;
using ActorHyper.Hardware.Resources;
using ActorHyper.Host.Shell;
using Spectre.Console;
using static ActorHyper.Host.Tests.Shell.Replies;

namespace ActorHyper.Host.Tests.Shell;

/// <summary>What a terminal gets (colours, the coloured map, tables), and the short forms plain text keeps.</summary>
public sealed class PicturesTests
{
    private static string Shown(ShellReply reply)
    {
        using var output = new StringWriter();
        new ConsoleView(output, pictures: true, colors: ColorSystemSupport.TrueColor).Result(reply);
        return output.ToString();
    }

    /// <summary>The truecolor SGR background of <paramref name="color"/>, as Spectre.Console writes it.</summary>
    private static string Background(Rgb color) => $"48;2;{color.R};{color.G};{color.B}";

    [Fact]
    public void The_map_paints_each_instances_clusters_in_its_colour_and_marks_the_hypervisor_and_io_clusters()
    {
        var map = Map2x2 with { IoCluster = new ClusterId(0, 0) };
        var shown = Shown(Done("map", map));
        Assert.Contains(Background(InstanceColors.Of(6)), shown, StringComparison.Ordinal);
        Assert.Contains(Background(InstanceColors.Of(12)), shown, StringComparison.Ordinal);
        Assert.Contains("HV*", shown, StringComparison.Ordinal);
        Assert.Contains("I/O cluster (0,0)", shown, StringComparison.Ordinal);
        Assert.Contains("instance 12", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_pictures_the_map_is_the_plain_grid_with_no_escape_codes()
    {
        using var output = new StringWriter();
        new ConsoleView(output, pictures: false).Result(Done("map", Map2x2 with { IoCluster = new ClusterId(0, 0) }));
        Assert.DoesNotContain("\u001b", output.ToString(), StringComparison.Ordinal);
        Assert.Equal([.. ReplyText.Map(Map2x2 with { IoCluster = new ClusterId(0, 0) }), ""], output.ToString().Split(Environment.NewLine));
    }

    [Fact]
    public void The_table_colours_states_and_keeps_the_clusters_column_short()
    {
        var big = Running6 with { Clusters = Enumerable.Range(0, 20).Select(i => new ClusterId(1 + (i % 4), i / 4)).ToValueList() };
        var shown = Shown(Done("ps", new InstanceTable(ValueList.Of(big, Failed12))));
        Assert.Contains("20: (1,0)..(4,4)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("(2,0) (3,0)", shown, StringComparison.Ordinal);
        Assert.Contains("failed at", shown, StringComparison.Ordinal);
        Assert.Contains("\u001b[", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_lists_up_to_three_clusters_and_past_that_a_count_and_the_span()
    {
        Assert.Equal("(0,1) (0,2) (0,3)", ReplyText.ShortClusters([new(0, 1), new(0, 2), new(0, 3)]));
        var sixteen = Enumerable.Range(0, 20).Select(i => new ClusterId(i % 16, 1 + (i / 16))).ToList();
        Assert.Equal("20: (0,1)..(15,2)", ReplyText.ShortClusters(sixteen));
    }

    [Fact]
    public void The_timeline_gives_each_step_its_time_from_the_first()
    {
        var timeline = new InstanceTimeline(6, InstanceState.Running, ValueList.Of(
            new StepRecord(InstanceStep.Allocate, TimeSpan.FromMilliseconds(10), "a"),
            new StepRecord(InstanceStep.HandOff, TimeSpan.FromMilliseconds(11.5), "b"),
            new StepRecord(InstanceStep.Boot, TimeSpan.FromMilliseconds(20), "c")));
        Assert.Equal(
            ["instance 6 Running: 3 steps", "   +0.000 ms  Allocate", "   +1.500 ms  HandOff", "  +10.000 ms  Boot"],
            ReplyText.Result(Done("timeline -i 6", timeline)));
        var shown = Shown(Done("timeline -i 6", timeline));
        Assert.Contains("+10.000 ms", shown, StringComparison.Ordinal);
        Assert.Contains("HandOff", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_is_a_bar_in_text_and_coloured_cells_on_a_terminal()
    {
        var colour = InstanceColors.Of(3);
        var frame = new FrameShown(3, 1, FrameGeometry.Width, FrameGeometry.Height,
            ValueList.Of(FrameGeometry.EmptyBar, FrameGeometry.Band(0, 2, colour)));
        var text = ReplyText.Result(Done("fb -i 3", frame));
        Assert.Equal("frame buffer 1 of instance 3: 256x64, 2 fills painted", text[0]);
        Assert.Equal("[ ###############............... ]", text[1]);
        Assert.Contains($"{colour.R};{colour.G};{colour.B}", Shown(Done("fb -i 3", frame)), StringComparison.Ordinal);
    }
}
