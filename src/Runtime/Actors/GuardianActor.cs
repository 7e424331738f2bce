namespace ActorHyper.Runtime;

/// <summary>The root, user and system guardians: they only supervise their children.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;
}
