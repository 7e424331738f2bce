namespace ActorHyper.Exploration.Watching;

/// <summary>Tells the watch's hub that its inbox holds records: one per batch, not one per record.</summary>
internal sealed class WakeHub
{
    public static WakeHub Instance { get; } = new();

    private WakeHub()
    {
    }
}
