namespace ActorHyper.Hardware.Boot;

/// <summary>Which RAM a boot layout region lives in.</summary>
public enum LayoutPlace
{
    /// <summary>The hypervisor cluster's RAM only.</summary>
    HypervisorCluster,

    /// <summary>The RAM of the instance's cluster 0 only.</summary>
    InstanceCluster0,

    /// <summary>Both, at the same offset (the HAT activation code).</summary>
    Both,
}
