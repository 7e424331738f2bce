using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware;

/// <summary>A failed access: the address as issued (machine or instance) and a one-line reason.</summary>
public sealed record Fault(TaggedAddress Address, string Reason)
{
    public override string ToString() => $"fault at {Address}: {Reason}";
}
