using System.Globalization;

namespace ActorHyper.Host.Soak;

/// <summary>Durations as the soak's options take them: a whole or decimal number with <c>s</c>, <c>m</c> or <c>h</c> (<c>90s</c>, <c>10m</c>, <c>1.5h</c>).</summary>
public static class WallDuration
{
    public static bool TryParse(string? text, out TimeSpan duration, out string problem)
    {
        duration = TimeSpan.Zero;
        problem = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < 2)
        {
            problem = $"'{text}' is not a duration: a number and a unit, s, m or h (e.g. 30s, 10m, 1h)";
            return false;
        }

        var unit = trimmed[^1];
        var scale = unit switch
        {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3600.0,
            _ => 0.0,
        };
        if (scale == 0.0 || !double.TryParse(trimmed[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || double.IsNaN(value) || value <= 0 || value * scale > TimeSpan.FromDays(30).TotalSeconds)
        {
            problem = $"'{text}' is not a duration: a positive number and a unit, s, m or h (e.g. 30s, 10m, 1h), at most 30 days";
            return false;
        }

        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }

    /// <summary>How the soak writes a duration: <c>45 s</c>, <c>12m05s</c>, <c>1h02m</c>.</summary>
    public static string Format(TimeSpan duration) => duration.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s")
        : duration.TotalHours < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h{duration.Minutes:00}m");
}
