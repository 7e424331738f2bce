namespace ActorHyper.Runtime;

/// <summary>The hierarchical name of an actor, such as <c>/user/machine/core-0-0-0</c>.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _text;

    private ActorPath(ActorPath? parent, string name, string text)
    {
        Parent = parent;
        Name = name;
        _text = text;
    }

    public static ActorPath Root { get; } = new(null, "", "/");

    public ActorPath? Parent { get; }

    public string Name { get; }

    public ActorPath Child(string name) =>
        new(this, name, Parent is null ? "/" + name : _text + "/" + name);

    /// <summary>Checks a child name chosen by user code; generated names start with '$' and are reserved.</summary>
    public static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] == '$' || name.Contains('/', StringComparison.Ordinal) ||
            name.Any(char.IsWhiteSpace))
        {
            throw new InvalidActorNameException(
                $"invalid actor name '{name}': it must be non-empty, must not start with '$' and must not contain '/' or white space");
        }
    }

    public bool Equals(ActorPath? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    public override string ToString() => _text;
}
