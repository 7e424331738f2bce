using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Memory;

/// <summary>
/// The boot ROM's contents: the hypervisor (at the reset vector), the HAT activation code and the
/// guest boot loader, which the hypervisor copies out of the ROM. The guest kernel is not in the
/// ROM: it is loaded from the instance's IOC channel.
/// </summary>
public static class RomImage
{
    public static RomBlock Hypervisor { get; } = new(CodeIdentity.Hypervisor, 0x0000, 0x8000);

    public static RomBlock HatActivation { get; } = new(CodeIdentity.HatActivation, 0x8000, 0x1000);

    public static RomBlock BootLoader { get; } = new(CodeIdentity.BootLoader, 0x9000, 0x4000);

    public static ValueList<RomBlock> Blocks { get; } = ValueList.Of(Hypervisor, HatActivation, BootLoader);

    public static RomBlock Block(CodeIdentity code) => code switch
    {
        CodeIdentity.Hypervisor => Hypervisor,
        CodeIdentity.HatActivation => HatActivation,
        CodeIdentity.BootLoader => BootLoader,
        _ => throw new ArgumentException($"the {code.Describe()} is not in the ROM"),
    };

    /// <summary>Where every core starts after reset: the hypervisor's entry in the I/O cluster's ROM.</summary>
    public static MachineAddress ResetVector(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new MachineAddress(spec.IoCluster, SegmentMap.RomBase + Hypervisor.Offset);
    }

    /// <summary>A fresh ROM memory (sized like the ROM segment) holding the three blocks.</summary>
    public static ClusterMemory Build()
    {
        var rom = new ClusterMemory(SegmentMap.RomSize);
        foreach (var block in Blocks)
        {
            rom.Write(block.Offset, block.Length, new CodeBlock(block.Code));
        }
        return rom;
    }
}
