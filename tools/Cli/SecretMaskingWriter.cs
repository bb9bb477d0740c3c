using System.Text;
using System.Text.RegularExpressions;

namespace CorsFunctions.Cli;

/// <summary>
/// Standard output or error with every storage secret masked, whatever wrote it (a message, an exception with
/// <c>--verbose</c>, System.CommandLine echoing a mistyped argument): the value of <c>AccountKey=</c> and of
/// <c>SharedAccessSignature=</c> up to the next <c>;</c>, and of a SAS <c>sig=</c> up to the next <c>&amp;</c>, becomes
/// <c>***</c>. Text is held until its line ends (a secret never spans lines): <see cref="Flush"/> at the end of a run.
/// </summary>
internal sealed partial class SecretMaskingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <summary><paramref name="text"/> with every secret value replaced by <c>***</c>.</summary>
    public static string Mask(string text) => Secrets().Replace(text, "${name}=***");

    /// <inheritdoc />
    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            Emit();
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        for (var rest = value.AsSpan(); !rest.IsEmpty;)
        {
            var end = rest.IndexOf('\n');
            if (end < 0)
            {
                _line.Append(rest);
                return;
            }

            _line.Append(rest[..(end + 1)]);
            Emit();
            rest = rest[(end + 1)..];
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <summary>Writes what is held (masked), then flushes the inner writer.</summary>
    public override void Flush()
    {
        Emit();
        inner.Flush();
    }

    /// <inheritdoc />
    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    private void Emit()
    {
        if (_line.Length > 0)
        {
            var text = _line.ToString();
            _line.Clear(); // before writing: a writer that fails (a closed pipe) is not handed the same text again
            inner.Write(Mask(text));
        }
    }

    [GeneratedRegex("""\b(?<name>AccountKey|SharedAccessSignature)=[^;\s"']*|\b(?<name>sig)=[^&;\s"']*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secrets();
}
