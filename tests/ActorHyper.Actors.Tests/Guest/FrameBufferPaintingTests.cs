using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Hardware.Display;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>The guest paints its boot on its frame-buffer channel: an empty bar, then one band in its colour per server started.</summary>
public sealed class FrameBufferPaintingTests
{
    [Fact]
    public async Task A_booted_guest_has_painted_one_band_in_its_colour_per_server_it_started()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: 4);
        hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        hv.Ok<InstanceTable>("wait -i 6");
        var servers = hv.Ok<TtyLines>("tty -i 6").Lines.Count - 1; // every line but the banner is a server started
        var frame = hv.Ok<FrameShown>("fb -i 6");

        Assert.Equal(FrameGeometry.EmptyBar, frame.Fills[0]);
        var bands = frame.Fills.Skip(1).ToList();
        Assert.Equal(servers, bands.Count);
        Assert.All(bands, band => Assert.Equal(InstanceColors.Of(6), band.Color));
        // The bands tile the bar from its left edge to its right edge, in order.
        Assert.Equal(FrameGeometry.EmptyBar.X, bands[0].X);
        Assert.Equal(FrameGeometry.EmptyBar.X + FrameGeometry.EmptyBar.Width, bands[^1].X + bands[^1].Width);
        for (var i = 1; i < bands.Count; i++)
        {
            Assert.Equal(bands[i - 1].X + bands[i - 1].Width, bands[i].X);
        }
    }

    [Fact]
    public async Task Two_instances_paint_their_own_channels_in_their_own_colours()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: 2);
        var six = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        var two = hv.Ok<InstanceLaunched>("run -nc 1 -i 2").Instance;
        hv.Ok<InstanceTable>("wait");

        var sixFrame = hv.Ok<FrameShown>("fb -i 6");
        var twoFrame = hv.Ok<FrameShown>("fb -i 2");
        Assert.Equal(six.Fb, sixFrame.Channel);
        Assert.Equal(two.Fb, twoFrame.Channel);
        Assert.NotEqual(InstanceColors.Of(6), InstanceColors.Of(2));
        Assert.All(sixFrame.Fills.Skip(1), band => Assert.Equal(InstanceColors.Of(6), band.Color));
        Assert.All(twoFrame.Fills.Skip(1), band => Assert.Equal(InstanceColors.Of(2), band.Color));
    }

    [Fact]
    public async Task The_same_seed_paints_the_same_frame()
    {
        static async Task<FrameShown> Paint(ulong seed)
        {
            await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed);
            hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
            hv.Ok<InstanceTable>("wait -i 6");
            return hv.Ok<FrameShown>("fb -i 6");
        }

        Assert.Equal(await Paint(9), await Paint(9));
    }

    [Fact]
    public async Task Fb_of_an_unknown_instance_is_refused()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        Assert.Equal("no instance 3: none is running", hv.Refused("fb -i 3"));
    }
}
