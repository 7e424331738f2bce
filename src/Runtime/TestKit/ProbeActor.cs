using System.Collections.Concurrent;

namespace ActorHyper.Runtime.TestKit;

/// <summary>Commands a probe sends to its own actor, so watching happens on the actor's turn.</summary>
internal sealed record ProbeWatch(IActorRef Target, bool Watch);

/// <summary>The actor behind a <see cref="TestProbe"/>: it hands every message to the probe's queue.</summary>
internal sealed class ProbeActor(BlockingCollection<ReceivedMessage> received) : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is ProbeWatch command)
        {
            if (command.Watch)
            {
                Context.Watch(command.Target);
            }
            else
            {
                Context.Unwatch(command.Target);
            }

            return true;
        }

        received.Add(new ReceivedMessage(message, Context.Sender));
        return true;
    }
}

/// <summary>A message a probe received, with its sender.</summary>
public readonly record struct ReceivedMessage(object Message, IActorRef Sender);
