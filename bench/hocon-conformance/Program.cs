using System.Diagnostics;
using System.Text;
using ActorHyper.Hocon;
using HoconConformance;

// Usage: HoconConformance <lightbend checkout> <classpath of lightbend's classes and LightbendDriver> [--verbose]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: HoconConformance LIGHTBEND_CHECKOUT JAVA_CLASSPATH [--verbose]");
    return 2;
}

var verbose = args.Contains("--verbose");
var work = Directory.CreateTempSubdirectory("hocon-conformance-").FullName;
var cases = CaseCatalog.Collect(args[0], work);
var theirs = RunLightbend(cases, args[1], work);
var ours = cases.ToDictionary(c => c.Id, c => RunOurs(c, environment: _ => null));

int asserted = 0, met = 0, agreed = 0, invalid = 0, refused = 0;
var report = new StringBuilder();
foreach (var c in cases)
{
    var mine = ours[c.Id];
    if (mine.SameAs(theirs[c.Id]))
    {
        agreed++;
    }
    else
    {
        report.AppendLine($"DISAGREE {c.Id}\n  ours:      {mine}\n  lightbend: {theirs[c.Id]}");
    }

    // A snippet's intercept (or its absence) can be aimed at a later step (a getter, a bean, a resolve against
    // fallbacks): it states the text's outcome only when lightbend's implementation gives that outcome too.
    var snippet = c.Group is not ("invalidConf" or "validConf") && !c.IsFile;
    if (c.Expectation == Expectation.None || (snippet && theirs[c.Id].Ok != (c.Expectation == Expectation.Accepted)))
    {
        continue;
    }

    asserted++;
    var ok = c.Expectation switch
    {
        // lightbend's tests often parse without resolving: a catch-all environment stands in for what they resolve against later.
        Expectation.Accepted => mine.Ok || RunOurs(c, environment: _ => "x").Ok,
        Expectation.Refused => !mine.Ok,
        _ => mine.Ok && theirs[c.EquivalentTo!].Ok && JsonTrees.Same(mine.Json!, theirs[c.EquivalentTo!].Json!),
    };
    if (c.Expectation == Expectation.Refused && c.Group == "invalidConf")
    {
        invalid++;
        refused += ok ? 1 : 0;
    }

    if (ok)
    {
        met++;
    }
    else
    {
        report.AppendLine($"UNMET {c.Expectation} {c.Id}: {File.ReadAllText(c.Path).ReplaceLineEndings("\\n")}\n  ours: {mine}");
    }
}

if (verbose)
{
    Console.Write(report);
}

Console.WriteLine($"cases {cases.Count}: {cases.GroupBy(c => c.Group).Select(g => $"{g.Key} {g.Count()}").Aggregate((a, b) => $"{a}, {b}")}");
Console.WriteLine($"assertions met {met} of {asserted} ({100.0 * met / asserted:F1} %)");
Console.WriteLine($"agreement {agreed} of {cases.Count} ({100.0 * agreed / cases.Count:F1} %)");
Console.WriteLine($"invalid refused {refused} of {invalid}");
Directory.Delete(work, recursive: true);
return 0;

static Outcome RunOurs(ConformanceCase c, Func<string, string?> environment)
{
    try
    {
        var source = c.IsFile ? HoconSource.FromFile(c.Path) : HoconSource.FromText(File.ReadAllText(c.Path), c.Id, Path.GetDirectoryName(c.Path));
        return new Outcome(HoconLoader.Load([source], environment).ToJson(), null);
    }
    catch (HoconException e)
    {
        return new Outcome(null, e.Message);
    }
}

static Dictionary<string, Outcome> RunLightbend(IReadOnlyList<ConformanceCase> cases, string classpath, string work)
{
    var list = Path.Combine(work, "cases.tsv");
    File.WriteAllLines(list, cases.Select(c => $"{c.Id}\t{(c.IsFile ? "file" : "string")}\t{c.Path}"));
    var start = new ProcessStartInfo("java", ["-cp", classpath, "LightbendDriver", list])
    {
        RedirectStandardOutput = true,
        StandardOutputEncoding = Encoding.UTF8,
    };
    using var java = Process.Start(start) ?? throw new InvalidOperationException("cannot start java");
    var results = new Dictionary<string, Outcome>();
    while (java.StandardOutput.ReadLine() is { } line)
    {
        var parts = line.Split('\t', 3);
        results[parts[0]] = parts[1] == "OK" ? new Outcome(parts[2], null) : new Outcome(null, parts[2]);
    }

    java.WaitForExit();
    return results;
}
