using System.Globalization;

namespace ActorHyper.Hardware.Display;

/// <summary>A colour, 8 bits per channel.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>E.g. <c>#3FA9F5</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}
