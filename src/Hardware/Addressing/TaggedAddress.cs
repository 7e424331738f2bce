namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// A raw address with the space it was issued in: what a core's program counter or a fault
/// reports, since a core uses machine addresses before its HAT is on and instance addresses after.
/// The raw value is not checked: a faulting access may be wider than 40 bits.
/// </summary>
public readonly record struct TaggedAddress(AddressSpace Space, ulong Raw)
{
    public static TaggedAddress Machine(MachineAddress address) => new(AddressSpace.Machine, address.Raw);

    public static TaggedAddress Instance(InstanceAddress address) => new(AddressSpace.Instance, address.Raw);

    public static implicit operator TaggedAddress(MachineAddress address) => Machine(address);

    public static implicit operator TaggedAddress(InstanceAddress address) => Instance(address);

    /// <summary>Rendered in its space's own form, or as plain hex when too wide.</summary>
    public override string ToString() => Raw > MachineAddress.MaxRaw
        ? $"0x{Raw:X}"
        : Space == AddressSpace.Machine
            ? MachineAddress.FromRaw(Raw).ToString()
            : InstanceAddress.FromRaw(Raw).ToString();
}
