namespace ActorHyper.Hardware.Resources;

/// <summary>Who holds a cluster.</summary>
public enum OwnerKind
{
    Free,
    Hypervisor,
    Instance,
}
