using System.Text;
using System.Text.RegularExpressions;

namespace HoconConformance;

/// <summary>
/// Collects lightbend's own cases from an extracted copy of its repository: the equivNN folders, the
/// other resource files, the validConf/invalidConf lists (with the whitespace variations its parser test
/// applies) and the strings passed to its parse helpers in the Scala tests. Strings are written to
/// <c>work</c> so that both implementations read the same bytes.
/// </summary>
internal sealed partial class CaseCatalog
{
    private static readonly string[] ParseCalls = ["parseConfig(", "parseObject(", "ConfigFactory.parseString("];

    private readonly string _work;
    private readonly List<ConformanceCase> _cases = [];
    private readonly HashSet<(string, Expectation)> _seenStrings = [];

    private CaseCatalog(string work)
    {
        _work = work;
    }

    /// <summary>The cases of the lightbend checkout under <paramref name="lightbend"/>; its resources are copied to <paramref name="work"/>.</summary>
    public static IReadOnlyList<ConformanceCase> Collect(string lightbend, string work)
    {
        var catalog = new CaseCatalog(work);
        var test = Path.Combine(lightbend, "config", "src", "test");
        catalog.AddResources(CopyResources(Path.Combine(test, "resources"), Path.Combine(work, "resources")));
        var scala = Path.Combine(test, "scala", "com", "typesafe", "config", "impl");
        catalog.AddParseLists(File.ReadAllText(Path.Combine(scala, "TestUtils.scala")));
        foreach (var file in Directory.GetFiles(Path.Combine(test, "scala"), "*.scala", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            catalog.AddSnippets(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
        }

        return catalog._cases;
    }

    /// <summary>
    /// The resource tree without its .properties files, which are out of scope: left out of the copy, so
    /// neither implementation reads them through an include.
    /// </summary>
    private static string CopyResources(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".properties", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    private void AddResources(string resources)
    {
        foreach (var folder in Directory.GetDirectories(resources, "equiv*").Order(StringComparer.Ordinal))
        {
            var original = Path.Combine(folder, "original.json");
            var name = Path.GetFileName(folder);

            // equiv03's original includes what a .properties file contributes, so its assertion is set aside.
            var expectation = name == "equiv03" ? Expectation.None : Expectation.Equivalent;
            _cases.Add(new ConformanceCase($"{name}/original.json", name, original, IsFile: true, Expectation.None));
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal).Where(file => file != original))
            {
                _cases.Add(new ConformanceCase($"{name}/{Path.GetFileName(file)}", name, file, IsFile: true, expectation, $"{name}/original.json"));
            }
        }

        foreach (var file in Directory.GetFiles(resources).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (text.Contains("classpath(", StringComparison.Ordinal) || text.Contains("url(", StringComparison.Ordinal))
            {
                continue;
            }

            _cases.Add(new ConformanceCase(Path.GetFileName(file), "resources", file, IsFile: true, Expectation.None));
        }
    }

    private void AddParseLists(string testUtils)
    {
        foreach (var (list, expectation) in new[]
        {
            ("invalidJsonInvalidConf", Expectation.Refused),
            ("validConfInvalidJson", Expectation.Accepted),
            ("validJson", Expectation.Accepted),
        })
        {
            var start = testUtils.IndexOf($"val {list} = List[ParseTest](", StringComparison.Ordinal);
            var body = start + $"val {list} = List[ParseTest](".Length;
            var index = 0;
            foreach (var test in ReadParseTests(testUtils, body))
            {
                var group = expectation == Expectation.Refused ? "invalidConf" : "validConf";
                foreach (var variation in WhitespaceVariations(test))
                {
                    // lightbend's parser test reads these as values; a document must be an object, so arrays become a field's value.
                    var text = variation.TrimStart().StartsWith('[') ? "value = " + variation : variation;
                    AddString($"{list}[{index}]", group, text, expectation);
                }

                index++;
            }
        }
    }

    /// <summary>The list's items up to its closing parenthesis: the test text and whether whitespace in it matters.</summary>
    private static List<(string Text, bool WhitespaceMatters)> ReadParseTests(string source, int index)
    {
        var tests = new List<(string, bool)>();
        var flags = new List<bool>();
        var depth = 0;
        while (true)
        {
            var skipped = ScalaStringLiterals.Skip(source, index);
            if (source[index] == '"')
            {
                var (value, end) = ScalaStringLiterals.Read(source, index);

                // ParseTest(liftBehaviorUnexpected, whitespaceMatters, test): the second flag, when present.
                tests.Add((value, flags.Count == 2 && flags[1]));
                flags.Clear();
                index = end;
                continue;
            }

            if (skipped >= 0)
            {
                index = skipped;
                continue;
            }

            if (source[index] == '(')
            {
                depth++;
            }
            else if (source[index] == ')' && depth-- == 0)
            {
                return tests;
            }
            else if (string.CompareOrdinal(source, index, "true", 0, 4) == 0 || string.CompareOrdinal(source, index, "false", 0, 5) == 0)
            {
                flags.Add(source[index] == 't');
            }

            index++;
        }
    }

    /// <summary>The same transformations lightbend's parser test applies to each list entry.</summary>
    private static IEnumerable<string> WhitespaceVariations((string Text, bool WhitespaceMatters) test)
    {
        var text = test.Text;
        if (test.WhitespaceMatters)
        {
            return [text];
        }

        var variations = new List<string>();
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            variations.Add(text.Replace(' ', '\u2003'));
        }

        variations.AddRange([text, " " + text, text + " ", " " + text + " ", text.Replace(" ", string.Empty, StringComparison.Ordinal),
            text.Replace(":", " : ", StringComparison.Ordinal), text.Replace(",", " , ", StringComparison.Ordinal)]);
        return variations;
    }

    /// <summary>Strings given to the parse helpers; inside an <c>intercept[...]</c> block the test expects a refusal.</summary>
    private void AddSnippets(string file, string source)
    {
        var open = new Stack<bool>();
        var index = 0;
        var count = 0;
        while (index < source.Length)
        {
            var call = ParseCalls.FirstOrDefault(name => string.CompareOrdinal(source, index, name, 0, name.Length) == 0
                && (index == 0 || !char.IsLetterOrDigit(source[index - 1])));
            if (call is not null)
            {
                var literal = index + call.Length;
                while (char.IsWhiteSpace(source[literal]))
                {
                    literal++;
                }

                if (source[literal] == '"')
                {
                    var (value, end) = ScalaStringLiterals.Read(source, literal);
                    var after = end;
                    while (char.IsWhiteSpace(source[after]))
                    {
                        after++;
                    }

                    if (source[after] is ')' or ',')
                    {
                        var expectation = open.Contains(true) ? Expectation.Refused : Expectation.Accepted;
                        AddString($"{file}#{count++}", file, value, expectation);
                    }

                    index = end;
                    continue;
                }
            }

            var skipped = ScalaStringLiterals.Skip(source, index);
            if (skipped >= 0)
            {
                index = skipped;
                continue;
            }

            switch (source[index])
            {
                case '{' or '(':
                    open.Push(InterceptBefore().IsMatch(source[Math.Max(0, index - 120)..index]));
                    break;
                case '}' or ')' when open.Count > 0:
                    open.Pop();
                    break;
                default:
                    break;
            }

            index++;
        }
    }

    private void AddString(string id, string group, string text, Expectation expectation)
    {
        // url()/classpath() includes are out of scope, as in the resource files.
        if (text.Contains("classpath(", StringComparison.Ordinal) || text.Contains("url(", StringComparison.Ordinal)
            || !_seenStrings.Add((text, expectation)))
        {
            return;
        }

        var path = Path.Combine(_work, $"string-{_cases.Count:D5}.conf");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _cases.Add(new ConformanceCase($"{id}/{_cases.Count}", group, path, IsFile: false, expectation));
    }

    [GeneratedRegex(@"intercept\[[\w.]+\]\s*\(?\s*$")]
    private static partial Regex InterceptBefore();
}
