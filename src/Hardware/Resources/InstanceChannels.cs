namespace ActorHyper.Hardware.Resources;

/// <summary>An instance's device channels: its IOC channel, its TTY channel (4 sub-channels) and the FB channel of the same index.</summary>
public readonly record struct InstanceChannels(int Ioc, int Tty, int Fb)
{
    public override string ToString() => $"IOC {Ioc}, TTY {Tty}, FB {Fb}";
}
