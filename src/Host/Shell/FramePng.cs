using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware.Display;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ActorHyper.Host.Shell;

/// <summary>A frame-buffer channel as a PNG file, pixel for pixel.</summary>
public static class FramePng
{
    /// <summary>Writes <paramref name="frame"/> to <paramref name="path"/>; false with the reason when the file cannot be written.</summary>
    public static bool TryWrite(FrameShown frame, string path, out string problem)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(path);
        var pixels = FrameGeometry.Raster(frame.Fills);
        using var image = new Image<Rgb24>(frame.Width, frame.Height);
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var pixel = pixels[(y * frame.Width) + x];
                image[x, y] = new Rgb24(pixel.R, pixel.G, pixel.B);
            }
        }

        return PngFile.TrySave(image, path, out problem);
    }
}
