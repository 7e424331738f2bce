namespace ActorHyper.Hocon;

/// <summary>A resolved <c>true</c> or <c>false</c>.</summary>
public sealed class HoconBoolean : HoconValue
{
    internal HoconBoolean(bool value, HoconPosition? position)
        : base(position)
    {
        Value = value;
    }

    public bool Value { get; }

    /// <summary>The text HOCON uses for this value, which is also its form in string concatenation.</summary>
    public string Text => Value ? "true" : "false";

    internal override string Describe() => $"boolean {Text}";
}
