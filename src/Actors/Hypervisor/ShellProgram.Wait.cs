using System.Globalization;
using ActorHyper.Actors.Hypervisor.Shell;
using Akka.Actor;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>The shell's <c>wait</c>: answered when its instance (or every instance) is Running or Failed, or refused at its time limit.</summary>
public sealed partial class ShellProgram
{
    private void Wait(WaitCommand wait, IActorRef replyTo)
    {
        if (wait.InstanceId is { } id && !instances.ContainsKey(id))
        {
            Refuse(replyTo, wait.Text, NoSuchInstance(id));
            return;
        }
        var pending = new PendingWait(++lastWaitId, replyTo, wait.Text, wait.InstanceId, wait.Timeout ?? options.WaitTimeout);
        if (!TrySettle(pending))
        {
            waits.Add(pending);
            pending.Expiry = new WaitExpired(pending.Id);
            Cpu.After(pending.Timeout, pending.Expiry);
        }
    }

    /// <summary>Answers every wait whose instances have settled; called at every state change.</summary>
    private void SettleWaits()
    {
        foreach (var wait in waits.ToList())
        {
            if (TrySettle(wait))
            {
                waits.Remove(wait);
                // Answered: its time limit is spent, not left pending for the rest of it.
                if (wait.Expiry is { } expiry)
                {
                    Cpu.CancelAfter(expiry);
                }
            }
        }
    }

    private bool TrySettle(PendingWait wait)
    {
        if (wait.InstanceId is { } id)
        {
            if (!instances.TryGetValue(id, out var instance) || instance.State is InstanceState.Stopping or InstanceState.Stopped)
            {
                Refuse(wait.ReplyTo, wait.Command, $"instance {id} was stopped before it was Running or Failed");
                return true;
            }
            if (!Settled(instance))
            {
                return false;
            }
            Answer(wait.ReplyTo, wait.Command, new InstanceTable(ValueListOf(instance.Info)));
            return true;
        }
        if (!instances.Values.All(Settled))
        {
            return false;
        }
        Answer(wait.ReplyTo, wait.Command, new InstanceTable(Table()));
        return true;
    }

    private static bool Settled(Instance instance) => instance.State is InstanceState.Running or InstanceState.Failed or InstanceState.Stopped;

    private void OnWaitExpired(WaitExpired expired)
    {
        var wait = waits.Find(candidate => candidate.Id == expired.WaitId);
        if (wait is null)
        {
            return;
        }
        waits.Remove(wait);
        var unsettled = instances.Values
            .Where(instance => (wait.InstanceId is null || instance.Id == wait.InstanceId) && !Settled(instance))
            .Select(instance => $"instance {instance.Id} is {instance.State}");
        Refuse(wait.ReplyTo, wait.Command, string.Create(CultureInfo.InvariantCulture,
            $"timed out after {wait.Timeout.TotalSeconds:0.###} s: {string.Join(", ", unsettled)}"));
    }

    private static Hardware.ValueList<InstanceInfo> ValueListOf(InstanceInfo info) => Hardware.ValueList.Of(info);

    private sealed record PendingWait(int Id, IActorRef ReplyTo, string Command, int? InstanceId, TimeSpan Timeout)
    {
        /// <summary>The message its time limit delivers, once set: what cancels it.</summary>
        public WaitExpired? Expiry { get; set; }
    }

    /// <summary>A <c>wait</c>'s time limit passed (a timer the shell set on its core).</summary>
    private sealed record WaitExpired(int WaitId);
}
