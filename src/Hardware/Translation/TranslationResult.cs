using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Translation;

/// <summary>A HAT's answer: the machine address to use, or a translation fault.</summary>
public readonly record struct TranslationResult
{
    private TranslationResult(MachineAddress address, Fault? fault)
    {
        Address = address;
        Fault = fault;
    }

    /// <summary>Meaningful only when <see cref="IsFault"/> is false.</summary>
    public MachineAddress Address { get; }

    public Fault? Fault { get; }

    public bool IsFault => Fault is not null;

    public static TranslationResult To(MachineAddress address) => new(address, null);

    public static TranslationResult Faulted(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new TranslationResult(default, fault);
    }

    public override string ToString() => Fault?.ToString() ?? $"-> {Address}";
}
