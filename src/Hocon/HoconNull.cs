namespace ActorHyper.Hocon;

/// <summary>A resolved <c>null</c>; it is a value that exists (it blocks environment fallback), unlike a missing path.</summary>
public sealed class HoconNull : HoconValue
{
    internal HoconNull(HoconPosition? position)
        : base(position)
    {
    }

    internal override string Describe() => "null";
}
