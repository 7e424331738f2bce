namespace ActorHyper.Hardware.Translation;

/// <summary>A HAT's life: Off (identity) -> Configured (table loaded, still identity) -> Active (translating).</summary>
public enum HatMode
{
    Off,
    Configured,
    Active,
}
