namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// The hypervisor's steps on an instance, in the order it takes them (seed 000): the launch up to
/// <see cref="HandOff"/>; <see cref="Boot"/> (the cores reaching the guest) and <see cref="Run"/>
/// (the guest running), where a core fault fails the instance; then the kill.
/// </summary>
public enum InstanceStep
{
    Allocate,
    BuildArchInfo,
    CopyArchInfo,
    CopyKernelDescriptor,
    CopyBootLoader,
    CopyHatCode,
    ConfigureHats,
    ActivateDmaHats,
    RouteInterrupts,
    AssignCores,
    HandOff,
    Boot,
    Run,
    HaltCores,
    ResetDmas,
    ResetHats,
    RemoveRoutes,
    ResetMailboxes,
    ClearDevices,
    ClearMemory,
    ResetCores,
    Release,
}
