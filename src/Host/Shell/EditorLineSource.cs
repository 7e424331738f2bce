using System.Text;

namespace ActorHyper.Host.Shell;

/// <summary>
/// Lines typed at a terminal behind a prompt, with line editing and history: left and right, Home
/// and End (Ctrl-A, Ctrl-E), Backspace and Delete, Ctrl-U and Ctrl-K, up and down through the lines
/// typed before. Ctrl-D on an empty line is the end of input. (RadLine, the usual choice, is built
/// against older Spectre.Console types than the ones this program uses.)
/// </summary>
/// <param name="bold">The prompt in bold (not with --no-color).</param>
public sealed class EditorLineSource(TextWriter output, bool bold = true) : ILineSource
{
    private const string Prompt = "actorhyper> ";

    private readonly List<string> history = [];

    public bool Interactive => true;

    public string? ReadLine()
    {
        var line = new StringBuilder();
        var cursor = 0;
        var recalled = history.Count;
        Redraw(line, cursor);
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    output.WriteLine();
                    var text = line.ToString();
                    if (text.Trim().Length > 0 && (history.Count == 0 || history[^1] != text))
                    {
                        history.Add(text);
                    }

                    return text;
                case ConsoleKey.D when control:
                    if (line.Length == 0)
                    {
                        output.WriteLine();
                        return null;
                    }

                    Delete(line, cursor);
                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete:
                    Delete(line, cursor);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                case ConsoleKey.B when control && cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                case ConsoleKey.F when control && cursor < line.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when control:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when control:
                    cursor = line.Length;
                    break;
                case ConsoleKey.U when control:
                    line.Remove(0, cursor);
                    cursor = 0;
                    break;
                case ConsoleKey.K when control:
                    line.Remove(cursor, line.Length - cursor);
                    break;
                case ConsoleKey.UpArrow when recalled > 0:
                case ConsoleKey.P when control && recalled > 0:
                    recalled--;
                    cursor = Replace(line, history[recalled]);
                    break;
                case ConsoleKey.DownArrow when recalled < history.Count:
                case ConsoleKey.N when control && recalled < history.Count:
                    recalled++;
                    cursor = Replace(line, recalled == history.Count ? "" : history[recalled]);
                    break;
                default:
                    if (key.KeyChar >= ' ' && !control)
                    {
                        line.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            Redraw(line, cursor);
        }
    }

    private static void Delete(StringBuilder line, int cursor)
    {
        if (cursor < line.Length)
        {
            line.Remove(cursor, 1);
        }
    }

    private static int Replace(StringBuilder line, string text)
    {
        line.Clear().Append(text);
        return line.Length;
    }

    /// <summary>The prompt and the line again, the rest of the row cleared, the cursor put back (CR, then ANSI EL and CUB: cursor control, not colour).</summary>
    private void Redraw(StringBuilder line, int cursor)
    {
        output.Write("\r" + (bold ? "\u001b[1m" + Prompt + "\u001b[0m" : Prompt) + line + "\u001b[K");
        if (cursor < line.Length)
        {
            output.Write($"\u001b[{line.Length - cursor}D");
        }

        output.Flush();
    }
}
