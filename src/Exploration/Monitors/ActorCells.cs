using ActorHyper.Exploration.Driver;
using Akka.Actor;

namespace ActorHyper.Exploration.Monitors;

/// <summary>What the finding monitors need of an actor named by a path in an event: its cell, its path as stories print it, a message's text.</summary>
internal static class ActorCells
{
    /// <summary>Longest message text in a reason; a record of lists can print for pages.</summary>
    private const int TextLimit = 160;

    /// <summary>The live actor at <paramref name="path"/> (a full path, as log sources give it), or null.</summary>
    public static ActorCell? Find(ActorSystem system, string? path)
    {
        if (path is null || !ActorPath.TryParse(path, out _))
        {
            return null;
        }

        return ((ExtendedActorSystem)system).Provider.ResolveActorRef(path) is ActorRefWithCell { Underlying: ActorCell cell } ? cell : null;
    }

    /// <summary>The cell of a local actor reference, or null.</summary>
    public static ActorCell? Of(IActorRef? actor) => actor is ActorRefWithCell { Underlying: ActorCell cell } ? cell : null;

    /// <summary><paramref name="path"/> without its address, as stories print paths: <c>/user/a/b</c>.</summary>
    public static string PathText(string? path) =>
        path is not null && ActorPath.TryParse(path, out var parsed) ? parsed!.ToStringWithoutAddress() : path ?? "?";

    /// <summary>The path of <paramref name="actor"/> as stories print it, <c>outside</c> for none.</summary>
    public static string PathText(IActorRef? actor) =>
        actor is null || actor.IsNobody() || actor is DeadLetterActorRef ? "outside" : actor.Path.ToStringWithoutAddress();

    /// <summary>A message's type and text, as stories print it, without actor references' uids.</summary>
    public static string Describe(object message)
    {
        var unwrapped = DeliveredMessage.Unwrap(message);
        var text = DeliveredMessage.Text(unwrapped);
        text = text.Length > TextLimit ? text[..TextLimit] + "…" : text;
        var type = unwrapped.GetType().Name;
        return text.StartsWith(type, StringComparison.Ordinal) ? text : $"{type} {text}";
    }
}
