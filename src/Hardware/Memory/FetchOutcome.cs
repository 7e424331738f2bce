namespace ActorHyper.Hardware.Memory;

/// <summary>What a core finds where it fetches its next instruction.</summary>
public enum FetchOutcome
{
    /// <summary>The expected code, at its entry point.</summary>
    AtEntry,

    /// <summary>No code: empty memory or a data record.</summary>
    NoCode,

    /// <summary>Code of another program.</summary>
    WrongCode,

    /// <summary>The expected code, but not at its entry point.</summary>
    MidBlock,
}
