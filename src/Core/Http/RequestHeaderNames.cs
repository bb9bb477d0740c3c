namespace CorsFunctions.Core.Http;

/// <summary>
/// Reads the names in one or more <c>Access-Control-Request-Headers</c> lines without allocating.
/// Browsers send lower-case names joined by commas; proxies may add white space, change case or split the
/// value over several lines, so all of that is accepted. Empty elements are skipped. The work is bounded:
/// past <see cref="MaxLength"/> characters or <see cref="MaxNames"/> names the value is refused.
/// </summary>
internal ref struct RequestHeaderNames
{
    /// <summary>The most characters accepted over all lines.</summary>
    public const int MaxLength = 8 * 1024;

    /// <summary>The most names accepted.</summary>
    public const int MaxNames = 64;

    private readonly ReadOnlySpan<string?> _lines;
    private int _nextLine;
    private string? _line;
    private ReadOnlySpan<char> _rest;
    private int _count;

    public RequestHeaderNames(ReadOnlySpan<string?> lines)
    {
        _lines = lines;
        _nextLine = 0;
        _line = null;
        _rest = default;
        _count = 0;
        Current = default;

        long length = 0;
        foreach (var line in lines)
        {
            length += line?.Length ?? 0;
        }

        Error = length > MaxLength ? RequestHeaderNamesError.TooLong : RequestHeaderNamesError.None;
    }

    /// <summary>The name read by the last successful <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>
    /// <see cref="Current"/> as a slice of the line it was read from: it can outlive the request without
    /// being copied (a rejection names the header only when someone reads it).
    /// </summary>
    public readonly ReadOnlyMemory<char> CurrentAsMemory()
    {
        _line.AsSpan().Overlaps(Current, out var offset);
        return _line.AsMemory(offset, Current.Length);
    }

    /// <summary>Set when reading stopped because the value is malformed.</summary>
    public RequestHeaderNamesError Error { get; private set; }

    /// <summary>Reads the next name; false at the end or on an error (see <see cref="Error"/>).</summary>
    public bool MoveNext()
    {
        while (Error == RequestHeaderNamesError.None)
        {
            while (_rest.IsEmpty)
            {
                if (_nextLine == _lines.Length)
                {
                    return false;
                }

                _line = _lines[_nextLine++];
                _rest = _line;
            }

            var comma = _rest.IndexOf(',');
            var element = HttpSyntax.TrimOws(comma < 0 ? _rest : _rest[..comma]);
            _rest = comma < 0 ? default : _rest[(comma + 1)..];
            if (element.IsEmpty)
            {
                continue;
            }

            if (!HttpSyntax.IsToken(element))
            {
                Error = RequestHeaderNamesError.InvalidName;
                return false;
            }

            if (++_count > MaxNames)
            {
                Error = RequestHeaderNamesError.TooManyNames;
                return false;
            }

            Current = element;
            return true;
        }

        return false;
    }
}
