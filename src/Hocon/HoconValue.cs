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

    /// <summary>The value as indented JSON, keys in order: how another HOCON reader (Akka's) is handed a resolved subtree.</summary>
    public string ToJson() => HoconJsonWriter.Write(this);

    /// <summary>A short description for error messages, e.g. <c>string "abc"</c>.</summary>
    internal abstract string Describe();
}
