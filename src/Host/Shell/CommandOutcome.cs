namespace ActorHyper.Host.Shell;

/// <summary>How a console command ended.</summary>
public enum CommandOutcome
{
    Succeeded,

    /// <summary>The hypervisor (or the console) refused it: <c>error: ...</c> was shown.</summary>
    Refused,

    /// <summary><c>exit</c>: the console ends here.</summary>
    Exit,
}
