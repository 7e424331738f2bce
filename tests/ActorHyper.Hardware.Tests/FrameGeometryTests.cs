using ActorHyper.Hardware.Display;

namespace ActorHyper.Hardware.Tests;

public sealed class FrameGeometryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(26)]
    [InlineData(300)]
    public void The_bands_of_a_bar_tile_it_from_edge_to_edge_without_overlap(int count)
    {
        var bar = FrameGeometry.EmptyBar;
        var bands = Enumerable.Range(0, count).Select(i => FrameGeometry.Band(i, count, new Rgb(1, 2, 3))).ToList();
        Assert.Equal(bar.X, bands[0].X);
        Assert.Equal(bar.X + bar.Width, bands[^1].X + bands[^1].Width);
        for (var i = 1; i < count; i++)
        {
            Assert.Equal(bands[i - 1].X + bands[i - 1].Width, bands[i].X);
        }

        Assert.All(bands, band => Assert.Equal((bar.Y, bar.Height), (band.Y, band.Height)));
    }

    [Fact]
    public void A_band_outside_its_bar_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameGeometry.Band(3, 3, new Rgb(0, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameGeometry.Band(0, 0, new Rgb(0, 0, 0)));
    }

    [Fact]
    public void Rasterising_paints_later_fills_over_earlier_ones_and_clips_to_the_frame()
    {
        var red = new Rgb(255, 0, 0);
        var blue = new Rgb(0, 0, 255);
        var pixels = FrameGeometry.Raster([new FrameFill(0, 0, 10, 10, red), new FrameFill(5, 5, 10_000, 10_000, blue), new FrameFill(-5, -5, 2, 2, red)]);
        Assert.Equal(FrameGeometry.Width * FrameGeometry.Height, pixels.Length);
        Assert.Equal(red, pixels[0]);
        Assert.Equal(blue, pixels[(5 * FrameGeometry.Width) + 5]);
        Assert.Equal(blue, pixels[^1]);
        Assert.Equal(FrameGeometry.Blank, pixels[(20 * FrameGeometry.Width) + 2]);
    }

    [Fact]
    public void The_first_sixteen_instances_have_sixteen_colours_and_none_is_the_bars_background()
    {
        var colours = Enumerable.Range(0, 16).Select(InstanceColors.Of).ToList();
        Assert.Equal(16, colours.Distinct().Count());
        Assert.DoesNotContain(FrameGeometry.BarBackground, colours);
        Assert.DoesNotContain(FrameGeometry.Blank, colours);
        Assert.Equal(InstanceColors.Of(3), InstanceColors.Of(19));
        Assert.Equal("#42D4F4", InstanceColors.Of(6).ToString());
    }
}
