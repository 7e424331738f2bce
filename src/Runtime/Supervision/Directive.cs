namespace ActorHyper.Runtime;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the incarnation and its state; continue with the next message.</summary>
    Resume,

    /// <summary>Replace the incarnation with a fresh one; the mailbox (and queued messages) is kept.</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so its own supervisor decides.</summary>
    Escalate,
}
