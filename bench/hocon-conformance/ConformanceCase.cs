namespace HoconConformance;

/// <summary>What lightbend's suite says about a case, independently of what either implementation does.</summary>
internal enum Expectation
{
    /// <summary>No stated outcome: the case counts only for agreement.</summary>
    None,

    /// <summary>Must parse (validConf, snippets outside an <c>intercept</c>).</summary>
    Accepted,

    /// <summary>Must be refused (invalidConf, snippets inside an <c>intercept</c>).</summary>
    Refused,

    /// <summary>Must give the same tree as <see cref="ConformanceCase.EquivalentTo"/> (the equivNN folders).</summary>
    Equivalent,
}

/// <summary>One input: a file of lightbend's resources, or a string from its Scala tests written to a temporary file.</summary>
internal sealed record ConformanceCase(string Id, string Group, string Path, bool IsFile, Expectation Expectation, string? EquivalentTo = null);
