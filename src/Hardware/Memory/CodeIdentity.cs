namespace ActorHyper.Hardware.Memory;

/// <summary>Which program a code block is. Fetches name the code they expect to find.</summary>
public enum CodeIdentity
{
    /// <summary>The hypervisor: boot, shell, instance management (runs from ROM).</summary>
    Hypervisor,

    /// <summary>The small routine that turns a core's HAT on and keeps running in the copy.</summary>
    HatActivation,

    /// <summary>The guest's boot loader: reads the arch-info, loads the kernel by DMA.</summary>
    BootLoader,

    /// <summary>The guest kernel (Off++), loaded from the instance's IOC channel.</summary>
    GuestKernel,
}

/// <summary>Readable names for <see cref="CodeIdentity"/>, used in fault reasons.</summary>
public static class CodeIdentityText
{
    public static string Describe(this CodeIdentity code) => code switch
    {
        CodeIdentity.Hypervisor => "hypervisor code",
        CodeIdentity.HatActivation => "HAT activation code",
        CodeIdentity.BootLoader => "boot loader",
        CodeIdentity.GuestKernel => "guest kernel",
        _ => code.ToString(),
    };
}
