namespace ActorHyper.Runtime.Dispatch;

/// <summary>Concurrent execution: each scheduled mailbox is one thread-pool work item.</summary>
internal sealed class ThreadPoolDispatcher(int throughput) : IDispatcher
{
    /// <summary>User messages one mailbox run handles before yielding its thread (Akka's <c>throughput</c>).</summary>
    public int Throughput { get; } = throughput > 0
        ? throughput
        : throw new ArgumentOutOfRangeException(nameof(throughput), throughput, "throughput must be at least 1");

    // The mailbox is the work item itself, so scheduling allocates nothing; preferLocal=false keeps
    // fairness between mailboxes rather than favouring the one just woken on this thread.
    public void Schedule(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
