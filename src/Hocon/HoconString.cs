namespace ActorHyper.Hocon;

/// <summary>A resolved string (quoted, unquoted, triple-quoted, concatenated, or from the environment).</summary>
public sealed class HoconString : HoconValue
{
    // Long strings are cut in error messages so the message stays readable.
    private const int DescribedLength = 60;

    internal HoconString(string value, HoconPosition? position)
        : base(position)
    {
        Value = value;
    }

    public string Value { get; }

    internal override string Describe() =>
        Value.Length <= DescribedLength ? $"string \"{Value}\"" : $"string \"{Value[..DescribedLength]}...\"";
}
