namespace ActorHyper.Hardware.Display;

/// <summary>A rectangle of one colour painted on a frame-buffer channel, in pixels from the top left.</summary>
public readonly record struct FrameFill(int X, int Y, int Width, int Height, Rgb Color)
{
    public override string ToString() => $"{Width}x{Height} at ({X},{Y}) {Color}";
}
