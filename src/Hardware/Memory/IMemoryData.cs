namespace ActorHyper.Hardware.Memory;

/// <summary>A data record that can sit in symbolic memory (the arch-info, the kernel image descriptor).</summary>
public interface IMemoryData
{
    /// <summary>Short name used in fault reasons and memory listings, e.g. <c>arch-info</c>.</summary>
    string DataName { get; }
}
