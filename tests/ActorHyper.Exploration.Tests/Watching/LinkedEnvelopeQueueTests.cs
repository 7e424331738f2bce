using ActorHyper.Exploration.Watching;
using Akka.Actor;
using Xunit;

namespace ActorHyper.Exploration.Tests.Watching;

public sealed class LinkedEnvelopeQueueTests
{
    [Fact]
    public void Takes_messages_in_the_order_they_were_added()
    {
        var queue = new LinkedEnvelopeQueue();
        Assert.False(queue.HasMessages);
        Assert.False(queue.TryDequeue(out _));

        for (var i = 0; i < 5; i++)
        {
            queue.Enqueue(new Envelope(i, ActorRefs.NoSender));
        }

        Assert.True(queue.HasMessages);
        Assert.Equal(5, queue.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(queue.TryDequeue(out var envelope));
            Assert.Equal(i, envelope.Message);
        }
        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void Many_producers_lose_nothing_and_keep_each_producers_order()
    {
        const int producers = 4;
        const int each = 50_000;
        var queue = new LinkedEnvelopeQueue();
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            for (var i = 0; i < each; i++)
            {
                queue.Enqueue(new Envelope((p, i), ActorRefs.NoSender));
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        var next = new int[producers];
        var taken = 0;
        while (taken < producers * each)
        {
            if (!queue.TryDequeue(out var envelope))
            {
                Thread.Yield();
                continue;
            }
            var (p, i) = ((int, int))envelope.Message;
            Assert.Equal(next[p], i);
            next[p]++;
            taken++;
        }
        threads.ForEach(t => t.Join());

        Assert.All(next, n => Assert.Equal(each, n));
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public void A_taken_message_is_not_kept_alive_by_the_queue()
    {
        var queue = new LinkedEnvelopeQueue();
        var weak = EnqueueAndTake(queue);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(weak.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference EnqueueAndTake(LinkedEnvelopeQueue queue)
    {
        var message = new object();
        queue.Enqueue(new Envelope(message, ActorRefs.NoSender));
        Assert.True(queue.TryDequeue(out _));
        return new WeakReference(message);
    }
}
