namespace ActorHyper.Hardware.Display;

/// <summary>
/// Each instance's colour, the same in the console's map and on the instance's frame buffer, so
/// the two can be matched at a glance. A fixed palette of 16 well-separated colours; instance
/// numbers past 15 (a 16×16 machine has 64) reuse them in order.
/// </summary>
public static class InstanceColors
{
    private static readonly Rgb[] Palette =
    [
        new(0xE6, 0x19, 0x4B), // red
        new(0x3C, 0xB4, 0x4B), // green
        new(0xFF, 0xE1, 0x19), // yellow
        new(0x43, 0x63, 0xD8), // blue
        new(0xF5, 0x82, 0x31), // orange
        new(0x91, 0x1E, 0xB4), // purple
        new(0x42, 0xD4, 0xF4), // cyan
        new(0xF0, 0x32, 0xE6), // magenta
        new(0xBF, 0xEF, 0x45), // lime
        new(0xFA, 0xBE, 0xD4), // pink
        new(0x46, 0x99, 0x90), // teal
        new(0xDC, 0xBE, 0xFF), // lavender
        new(0x9A, 0x63, 0x24), // brown
        new(0xFF, 0xFA, 0xC8), // beige
        new(0x80, 0x00, 0x00), // maroon
        new(0xAA, 0xFF, 0xC3), // mint
    ];

    /// <summary>The colour of instance <paramref name="instanceId"/> (a non-negative number).</summary>
    public static Rgb Of(int instanceId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(instanceId);
        return Palette[instanceId % Palette.Length];
    }
}
