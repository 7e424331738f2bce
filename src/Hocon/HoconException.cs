namespace ActorHyper.Hocon;

/// <summary>
/// Any problem with HOCON text or with reading a value from a <see cref="Config"/>.
/// The message is <c>origin:line:column: reason</c>, or shorter when the place is not known.
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>A problem with no known place, such as a path that is missing altogether.</summary>
    public HoconException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    /// <summary>A problem with a whole source, such as a file that does not exist.</summary>
    public HoconException(string origin, string reason)
        : base($"{origin}: {reason}")
    {
        Origin = origin;
        Reason = reason;
    }

    /// <summary>A problem at a place, or with no known place when <paramref name="position"/> is null.</summary>
    public HoconException(HoconPosition? position, string reason)
        : base(position is { } p ? $"{p}: {reason}" : reason)
    {
        Origin = position?.Origin;
        Line = position?.Line;
        Column = position?.Column;
        Reason = reason;
    }

    /// <summary>The file name or source label, when known.</summary>
    public string? Origin { get; }

    /// <summary>1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column, when known.</summary>
    public int? Column { get; }

    /// <summary>What went wrong, without the place.</summary>
    public string Reason { get; }
}
