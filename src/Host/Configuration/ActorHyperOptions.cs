using ActorHyper.Hocon;
using Microsoft.Extensions.Configuration;

namespace ActorHyper.Host.Configuration;

/// <summary>The <c>actorhyper</c> section of the configuration, bound to types.</summary>
public sealed class ActorHyperOptions
{
    public MachineSection Machine { get; set; } = new();

    public GuestSection Guest { get; set; } = new();

    public HypervisorSection Hypervisor { get; set; } = new();

    public RuntimeOptions Runtime { get; set; } = new();

    public LogOptions Log { get; set; } = new();

    /// <summary><c>actorhyper.variant</c>: a deliberately wrong protocol step to run (see <see cref="Actors.Machine.ProtocolVariants"/>), "none" by default.</summary>
    public string Variant { get; set; } = "none";

    /// <summary><c>actorhyper.faults</c>: the seeded faults of controlled runs (see <see cref="Exploring.FaultSpecParser"/>), none by default.</summary>
    public string Faults { get; set; } = "";

    /// <summary>The resolved tree the options were bound from: its <c>akka</c> section configures Akka (not bound: internal).</summary>
    internal Config? Tree { get; set; }
}

/// <summary><c>actorhyper.guest</c>.</summary>
public sealed class GuestSection
{
    public bool Dtlb { get; set; }
}

/// <summary><c>actorhyper.hypervisor</c>: how the hypervisor's shell behaves.</summary>
public sealed class HypervisorSection
{
    /// <summary>How long <c>wait</c> waits when given no <c>-t</c> (virtual time in controlled runs).</summary>
    [ConfigurationKeyName("wait-timeout")]
    public HoconDuration WaitTimeout { get; set; }

    /// <summary>How long an instance may boot after its hand-off before the hypervisor fails it (virtual time in controlled runs).</summary>
    [ConfigurationKeyName("boot-timeout")]
    public HoconDuration BootTimeout { get; set; }
}

/// <summary><c>actorhyper.log</c>.</summary>
public sealed class LogOptions
{
    public string Level { get; set; } = "warning";
}

/// <summary>A mesh coordinate, as in <c>io-cluster { x = 0, y = 0 }</c>.</summary>
public sealed class CoordinateOptions
{
    public int X { get; set; }

    public int Y { get; set; }
}

/// <summary>The <c>actorhyper.machine</c> section: the simulated chip.</summary>
public sealed class MachineSection
{
    public CoordinateOptions Mesh { get; set; } = new();

    [ConfigurationKeyName("cores-per-cluster")]
    public int CoresPerCluster { get; set; }

    [ConfigurationKeyName("ram-per-cluster")]
    public ByteSize RamPerCluster { get; set; }

    [ConfigurationKeyName("io-cluster")]
    public CoordinateOptions IoCluster { get; set; } = new();

    [ConfigurationKeyName("ioc-channels")]
    public int IocChannels { get; set; }

    [ConfigurationKeyName("tty-channels")]
    public int TtyChannels { get; set; }

    [ConfigurationKeyName("fb-channels")]
    public int FbChannels { get; set; }

    [ConfigurationKeyName("wti-slots")]
    public int WtiSlots { get; set; }
}
