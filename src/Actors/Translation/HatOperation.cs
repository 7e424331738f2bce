namespace ActorHyper.Actors.Translation;

/// <summary>What was asked of a HAT's control registers.</summary>
public enum HatOperation
{
    Configure,
    Activate,
    Reset,
}
