namespace ActorHyper.Hocon;

/// <summary>HOCON's size and duration grammar, for values that arrive as plain strings (e.g. through configuration binding).</summary>
public static class HoconUnits
{
    /// <summary>Parses a size such as <c>64 MiB</c> or <c>1 MB</c>; a bare number is bytes.</summary>
    public static bool TryParseBytes(string text, out long bytes, out string problem) =>
        ByteSizeFormat.TryParse(text, out bytes, out problem);

    /// <summary>Parses a duration such as <c>10ms</c> or <c>2 minutes</c>; a bare number is milliseconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration, out string problem) =>
        DurationFormat.TryParse(text, out duration, out problem);
}
