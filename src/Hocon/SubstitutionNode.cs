namespace ActorHyper.Hocon;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, looked up in the whole merged tree at resolve time.</summary>
internal sealed class SubstitutionNode : Node
{
    public SubstitutionNode(HoconPath path, HoconPath? fallbackPath, bool isOptional, bool treeOnly, string text, HoconPosition position)
        : base(position)
    {
        Path = path;
        FallbackPath = fallbackPath;
        IsOptional = isOptional;
        TreeOnly = treeOnly;
        Text = text;
    }

    /// <summary>The absolute path looked up first (for included files, prefixed with the include's location).</summary>
    public HoconPath Path { get; }

    /// <summary>For included files, the path as written, tried when the prefixed one is missing.</summary>
    public HoconPath? FallbackPath { get; }

    public bool IsOptional { get; }

    /// <summary>
    /// True for the hidden reference a <c>+=</c> field makes to its previous value: an environment
    /// variable of the same name must not turn into the array being appended to.
    /// </summary>
    public bool TreeOnly { get; }

    /// <summary>The substitution as written, for messages.</summary>
    public string Text { get; }

    /// <summary>The name looked up in the environment: the path as written, keys joined with dots.</summary>
    public string EnvironmentName => (FallbackPath ?? Path).ToEnvironmentName();
}
