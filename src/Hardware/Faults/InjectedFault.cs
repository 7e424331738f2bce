using System.Globalization;

namespace ActorHyper.Hardware.Faults;

/// <summary>
/// One fault a run injected, by identity: its kind, its site (as the unit names it: <c>xicu(0,1).2</c>,
/// <c>core(0,1).0</c>, <c>ioc.1</c>, <c>dma(0,1)</c>), which opportunity at that site it hit (from 1),
/// and its duration if the kind has one. A replay injects exactly these, whatever the draws would say;
/// an edited schedule hits the ones whose opportunity still comes. <see cref="Text"/> is how traces
/// write it: <c>ipi-delay@xicu(1,0).0#2:50us</c>.
/// </summary>
public sealed record InjectedFault(FaultKind Kind, string Site, long Occurrence, TimeSpan Duration)
{
    public string Text => FaultKinds.HasDuration(Kind)
        ? $"{FaultKinds.NameOf(Kind)}@{Site}#{Occurrence.ToString(CultureInfo.InvariantCulture)}:{FormatDuration(Duration)}"
        : $"{FaultKinds.NameOf(Kind)}@{Site}#{Occurrence.ToString(CultureInfo.InvariantCulture)}";

    public override string ToString() => Text;

    /// <summary>Whole microseconds, in the largest unit that writes them exactly: <c>2s</c>, <c>1500ms</c>, <c>50us</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var micros = duration.Ticks / TimeSpan.TicksPerMicrosecond;
        return micros % 1_000_000 == 0 && micros > 0 ? $"{(micros / 1_000_000).ToString(CultureInfo.InvariantCulture)}s"
            : micros % 1_000 == 0 && micros > 0 ? $"{(micros / 1_000).ToString(CultureInfo.InvariantCulture)}ms"
            : $"{micros.ToString(CultureInfo.InvariantCulture)}us";
    }

    /// <summary>Parses <see cref="Text"/>; <paramref name="problem"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string text, out InjectedFault? fault, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        fault = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var hash = text.LastIndexOf('#');
        if (at <= 0 || hash < at + 2)
        {
            problem = $"'{text}' is not kind@site#occurrence";
            return false;
        }

        if (!FaultKinds.TryParse(text[..at], out var kind))
        {
            problem = $"'{text[..at]}' is not a fault kind ({string.Join(", ", FaultKinds.Names)})";
            return false;
        }

        var rest = text[(hash + 1)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var occurrenceText = colon < 0 ? rest : rest[..colon];
        if (!long.TryParse(occurrenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence) || occurrence < 1)
        {
            problem = $"'{text}': occurrence '{occurrenceText}' is not a whole number of at least 1";
            return false;
        }

        var duration = TimeSpan.Zero;
        if (FaultKinds.HasDuration(kind) != (colon >= 0))
        {
            problem = FaultKinds.HasDuration(kind) ? $"'{text}': {FaultKinds.NameOf(kind)} needs :duration" : $"'{text}': {FaultKinds.NameOf(kind)} takes no duration";
            return false;
        }

        if (colon >= 0 && !TryParseDuration(rest[(colon + 1)..], out duration))
        {
            problem = $"'{text}': '{rest[(colon + 1)..]}' is not a duration (a whole number and us, ms or s: 50us, 1ms)";
            return false;
        }

        fault = new InjectedFault(kind, text[(at + 1)..hash], occurrence, duration);
        problem = "";
        return true;
    }

    /// <summary>A positive whole number of <c>us</c>, <c>ms</c> or <c>s</c> (at most a day).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        var (digits, micros) = text.EndsWith("us", StringComparison.Ordinal) ? (text[..^2], 1L)
            : text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1_000L)
            : text.EndsWith('s') ? (text[..^1], 1_000_000L)
            : (text, 0L);
        if (micros == 0 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1
            || count > 86_400_000_000L / micros)
        {
            return false;
        }

        duration = TimeSpan.FromTicks(count * micros * TimeSpan.TicksPerMicrosecond);
        return true;
    }
}
