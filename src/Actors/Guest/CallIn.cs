using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// What a non-boot processor stores at its <see cref="Hardware.Boot.BootLayout.CallIn"/> once it runs
/// the boot loader: it has read the IPI that brought it there, so its mailbox is free for the
/// kernel's wake-up. The boot core writes that wake-up only after it has seen this.
/// </summary>
public sealed record CallIn(int InstanceId, int Processor) : IMemoryData
{
    public string DataName => "call-in";

    public override string ToString() => $"call-in of processor {Processor} of instance {InstanceId}";
}
