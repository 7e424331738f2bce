namespace ActorHyper.Runtime.Dispatch;

/// <summary>Runs mailboxes: on the thread pool (concurrent) or one delivery at a time (controlled).</summary>
internal interface IDispatcher
{
    /// <summary>Called once per transition of a mailbox from idle to scheduled.</summary>
    void Schedule(Mailbox mailbox);
}
