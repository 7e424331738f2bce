namespace ActorHyper.Hardware.Interrupts;

/// <summary>A device interrupt entering the IOPIC: the device, its channel and (TTY) sub-channel.</summary>
public readonly record struct IrqSource(DeviceKind Kind, int Channel, int SubChannel = 0) : IComparable<IrqSource>
{
    public static IrqSource Ioc(int channel) => new(DeviceKind.Ioc, channel);

    public static IrqSource Tty(int channel, int subChannel) => new(DeviceKind.Tty, channel, subChannel);

    public int CompareTo(IrqSource other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        if (byKind != 0)
        {
            return byKind;
        }
        var byChannel = Channel.CompareTo(other.Channel);
        return byChannel != 0 ? byChannel : SubChannel.CompareTo(other.SubChannel);
    }

    public static bool operator <(IrqSource left, IrqSource right) => left.CompareTo(right) < 0;

    public static bool operator >(IrqSource left, IrqSource right) => left.CompareTo(right) > 0;

    public static bool operator <=(IrqSource left, IrqSource right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IrqSource left, IrqSource right) => left.CompareTo(right) >= 0;

    public override string ToString() => Kind == DeviceKind.Tty
        ? $"TTY {Channel}.{SubChannel}"
        : $"{Kind.ToString().ToUpperInvariant()} {Channel}";
}
