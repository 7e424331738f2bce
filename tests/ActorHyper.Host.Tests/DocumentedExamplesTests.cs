using System.Text;
using Xunit.Abstractions;

namespace ActorHyper.Host.Tests;

/// <summary>
/// Every <c>actorhyper</c> example of README and <c>docs/</c> (the lines of their fenced <c>sh</c>
/// blocks) is run as a user would type it, with its budget cut short (a few schedules, a few
/// seconds), so that a renamed command, option or setting, or a value the program no longer
/// accepts, fails here instead of in a reader's terminal.
/// </summary>
public sealed class DocumentedExamplesTests(ITestOutputHelper output)
{
    /// <summary>How a documented line names the program: its installed name, or how README runs it from a clone.</summary>
    private static readonly string[] ProgramPrefixes = ["actorhyper ", "dotnet run --project src/Host -- "];

    /// <summary>Options whose values are budgets: each is cut to the value here, so that every example runs in moments.</summary>
    private static readonly Dictionary<string, string> Budgets = new(StringComparer.Ordinal)
    {
        ["--iterations"] = "2",
        ["--duration"] = "2s",
    };

    /// <summary>Options that name a file or folder the command writes: each goes to a fresh temporary folder.</summary>
    private static readonly HashSet<string> Outputs = new(StringComparer.Ordinal) { "--out", "--report", "--png" };

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in Read())
        {
            data.Add(example.Where + ": " + example.Line);
        }

        return data;
    }

    [Fact]
    public void README_and_every_page_of_docs_have_examples_and_every_page_is_linked_from_README()
    {
        var readme = File.ReadAllText(RepoFiles.Path("README.md"));
        Assert.True(readme.Split('\n').Length <= 220, "README is the front door: about 200 lines at most, depth goes to docs/");
        foreach (var page in Directory.GetFiles(RepoFiles.Path("docs"), "*.md"))
        {
            var name = "docs/" + Path.GetFileName(page);
            Assert.True(readme.Contains("(" + name, StringComparison.Ordinal), $"README links no {name}");
        }

        Assert.True(Read().Count >= 10, "the documentation shows at least ten runnable examples");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_documented_example_runs(string example)
    {
        var line = example[(example.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        var args = Prepare(Words(line));
        output.WriteLine("actorhyper " + string.Join(' ', args));

        var input = args.Count > 0 && args[0] == "shell" ? "exit\n" : "";
        var (code, stdout, stderr) = HostRunner.RunWithInput(input, [.. args]);
        output.WriteLine($"exit {code}\n{Tail(stdout)}\n{Tail(stderr)}");

        // 2 is a usage or configuration error: an option, a command or a value the program does not take.
        Assert.True(code != CommandLineApp.UsageError, $"'{line}' is refused: {stderr.Trim()}");
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_an_unknown_option_would_be_caught()
    {
        // The check itself can fail: a misspelt option is a usage error, exit 2.
        var (code, _, _) = HostRunner.Run([.. Prepare(Words("actorhyper explore --iteratons 2"))]);
        Assert.Equal(CommandLineApp.UsageError, code);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    private sealed record Example(string Where, string Line);

    /// <summary>The program's lines in the <c>sh</c> blocks of README.md and docs/*.md, with where each stands.</summary>
    private static List<Example> Read()
    {
        var files = new List<string> { RepoFiles.Path("README.md") };
        files.AddRange(Directory.GetFiles(RepoFiles.Path("docs"), "*.md").Order(StringComparer.Ordinal));
        var examples = new List<Example>();
        foreach (var file in files)
        {
            var inSh = false;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Trim();
                if (text.StartsWith("```", StringComparison.Ordinal))
                {
                    inSh = !inSh && text is "```sh" or "```bash";
                    continue;
                }

                if (inSh && ProgramPrefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
                {
                    var where = Path.GetRelativePath(RepoFiles.Root, file) + ":" + (i + 1);
                    examples.Add(new Example(where, "actorhyper " + text[prefix.Length..]));
                }
            }
        }

        return examples;
    }

    /// <summary>The arguments after the program's name, budgets cut, repository files made absolute, outputs sent to a temporary folder.</summary>
    private static List<string> Prepare(IReadOnlyList<string> words)
    {
        var args = words.Skip(1).ToList();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value, joined) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal)
                ? (n, v, true)
                : (args[i], i + 1 < args.Count ? args[i + 1] : null, false);
            string? replacement = null;
            if (Budgets.TryGetValue(name, out var budget) && value is not null)
            {
                replacement = long.TryParse(value, out var asked) && long.TryParse(budget, out var cap) ? Math.Min(asked, cap).ToString(System.Globalization.CultureInfo.InvariantCulture) : budget;
            }
            else if (Outputs.Contains(name) && value is not null)
            {
                var folder = Directory.CreateTempSubdirectory("actorhyper-docs-").FullName;
                replacement = Path.Combine(folder, Path.GetFileName(value));
            }

            if (replacement is not null)
            {
                if (joined)
                {
                    args[i] = name + "=" + replacement;
                }
                else
                {
                    args[i + 1] = replacement;
                    i++;
                }

                continue;
            }

            if (!args[i].StartsWith('-') && args[i].Contains('/', StringComparison.Ordinal) && File.Exists(RepoFiles.Path(args[i])))
            {
                args[i] = RepoFiles.Path(args[i]);
            }
        }

        // A search or an exploration with no budget of its own gets one too.
        if (args.Count > 0 && args[0] == "explore" && !args.Any(a => a.StartsWith("--iterations", StringComparison.Ordinal)))
        {
            args.AddRange(["--iterations", Budgets["--iterations"]]);
        }

        return args;
    }

    /// <summary>Splits a command line as a POSIX shell would for plain words, single and double quotes.</summary>
    internal static List<string> Words(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        Assert.True(quote is null, $"an unclosed quote in the example '{line}'");
        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
