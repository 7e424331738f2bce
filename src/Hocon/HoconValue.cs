namespace ActorHyper.Hocon;

/// <summary>
/// A fully resolved configuration value: <see cref="HoconObject"/>, <see cref="HoconArray"/>,
/// <see cref="HoconString"/>, <see cref="HoconNumber"/>, <see cref="HoconBoolean"/> or <see cref="HoconNull"/>.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconPosition? position)
    {
        Position = position;
    }

    /// <summary>Where the value was written, when it came from text (environment values report their substitution).</summary>
    public HoconPosition? Position { get; }

    /// <summary>A short description for error messages, e.g. <c>string "abc"</c>.</summary>
    internal abstract string Describe();
}
