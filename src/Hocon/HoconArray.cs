namespace ActorHyper.Hocon;

/// <summary>A resolved array.</summary>
public sealed class HoconArray : HoconValue
{
    internal HoconArray(IReadOnlyList<HoconValue> items, HoconPosition? position)
        : base(position)
    {
        Items = items;
    }

    public IReadOnlyList<HoconValue> Items { get; }

    internal override string Describe() => "an array";
}
