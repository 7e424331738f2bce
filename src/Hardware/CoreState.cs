namespace ActorHyper.Hardware;

/// <summary>What a core is doing, coarsely; <see cref="CoreStatus"/> adds the details.</summary>
public enum CoreState
{
    /// <summary>Powered on, not yet fetching.</summary>
    Reset,

    /// <summary>Running the hypervisor from ROM (HAT off); P0 C_0 stays here, in the shell.</summary>
    RunningHypervisor,

    /// <summary>Executing <c>wait</c> until an enabled XICU slot is pending.</summary>
    Waiting,

    /// <summary>Executing a known program at an address.</summary>
    Executing,

    /// <summary>Stopped by a fault, with its address and reason.</summary>
    Faulted,

    /// <summary>Halted by the hypervisor during a <c>kill</c>: executes nothing until a reset puts it back in the hypervisor's <c>wait</c>.</summary>
    Parked,
}
