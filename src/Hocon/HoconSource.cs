namespace ActorHyper.Hocon;

/// <summary>One layer of configuration: HOCON text with the origin name its errors report, or a file to read.</summary>
public sealed class HoconSource
{
    private readonly string? _text;

    private HoconSource(string? text, string? filePath, string origin, string? baseDirectory)
    {
        _text = text;
        FilePath = filePath;
        Origin = origin;
        BaseDirectory = baseDirectory;
    }

    /// <summary>The name used in error positions.</summary>
    public string Origin { get; }

    /// <summary>Directory that relative includes are resolved against; null means relative includes are an error.</summary>
    public string? BaseDirectory { get; }

    /// <summary>The file to read, for file sources.</summary>
    public string? FilePath { get; }

    /// <summary>Text such as built-in reference configuration, reported under <paramref name="origin"/>.</summary>
    public static HoconSource FromText(string text, string origin, string? baseDirectory = null) =>
        new(text, null, origin, baseDirectory);

    /// <summary>A file, read when loaded; it is reported under the path as given, and includes resolve next to it.</summary>
    /// <exception cref="HoconException">The path is empty.</exception>
    public static HoconSource FromFile(string path) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new HoconException("the configuration file name is empty")
            : new(null, path, path, Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <summary>
    /// A command-line override <c>path=value</c> (or <c>path+=value</c>), parsed as a one-line HOCON
    /// document reported as <c>--set #number</c>.
    /// </summary>
    public static HoconSource FromSetArgument(string argument, int number)
    {
        var origin = $"--set #{number}";
        var equals = IndexOfEqualsOutsideQuotes(argument);
        if (equals < 0)
        {
            throw new HoconException(origin, $"expected path=value, but \"{argument}\" has no '='");
        }

        var path = argument[..equals];
        if (path.EndsWith('+'))
        {
            path = path[..^1];
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new HoconException(origin, $"expected path=value, but the path before '=' in \"{argument}\" is empty");
        }

        // Checked now so that a bad path is reported against the override, with its column.
        HoconPath.Parse(path, origin);
        return FromText(argument, origin);
    }

    internal string ReadText()
    {
        if (_text is not null)
        {
            return _text;
        }

        // Reading a directory fails with "access denied", which would send the user after permissions.
        if (Directory.Exists(FilePath))
        {
            throw new HoconException(Origin, "is a directory, not a configuration file");
        }

        try
        {
            return File.ReadAllText(FilePath!);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HoconException(Origin, "configuration file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(Origin, $"cannot read configuration file: {e.Message}");
        }
    }

    private static int IndexOfEqualsOutsideQuotes(string argument)
    {
        var quoted = false;
        for (var i = 0; i < argument.Length; i++)
        {
            switch (argument[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '=' when !quoted:
                    return i;
                default:
                    break;
            }
        }

        return -1;
    }
}
