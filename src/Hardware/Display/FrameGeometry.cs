namespace ActorHyper.Hardware.Display;

/// <summary>
/// The size of a frame-buffer channel and where the guest's boot progress bar goes on it. Frames
/// are kept as the fills painted on them (symbolic, like memory) and rasterised only when shown.
/// </summary>
public static class FrameGeometry
{
    public const int Width = 256;

    public const int Height = 64;

    /// <summary>The colour of a channel nothing has painted, and of the bar's empty part.</summary>
    public static Rgb Blank { get; } = new(0, 0, 0);

    public static Rgb BarBackground { get; } = new(0x30, 0x30, 0x30);

    private const int Margin = 8;

    /// <summary>The whole bar, unfilled: what the guest paints when its kernel starts.</summary>
    public static FrameFill EmptyBar => new(Margin, Margin, Width - (2 * Margin), Height - (2 * Margin), BarBackground);

    /// <summary>Band <paramref name="index"/> of <paramref name="count"/> of the bar in <paramref name="color"/>: one per server started.</summary>
    public static FrameFill Band(int index, int count, Rgb color)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var inner = Width - (2 * Margin);
        var left = Margin + (inner * index / count);
        var right = Margin + (inner * (index + 1) / count);
        return new FrameFill(left, Margin, right - left, Height - (2 * Margin), color);
    }

    /// <summary>The frame's pixels, row by row, from its fills in the order painted (later fills cover earlier ones; clipped to the frame).</summary>
    public static Rgb[] Raster(IEnumerable<FrameFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var pixels = new Rgb[Width * Height];
        Array.Fill(pixels, Blank);
        foreach (var fill in fills)
        {
            for (var y = Math.Max(0, fill.Y); y < Math.Min(Height, fill.Y + fill.Height); y++)
            {
                for (var x = Math.Max(0, fill.X); x < Math.Min(Width, fill.X + fill.Width); x++)
                {
                    pixels[(y * Width) + x] = fill.Color;
                }
            }
        }
        return pixels;
    }
}
