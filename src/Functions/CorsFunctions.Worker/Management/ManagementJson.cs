using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsFunctions.Worker.Management;

/// <summary>JSON settings of the management API: camelCase, unknown and repeated members refused (a typo or an ambiguous body never passes silently).</summary>
internal static class ManagementJson
{
    /// <summary>The largest request body read (a policy with thousands of origins still fits).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The serializer options for every management request and response (read-only: their contract is what <see cref="JsonInputCheck"/> walks).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>How deep a document may nest (the serializer's own default).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// Reads a JSON body of at most <see cref="MaxBodyBytes"/>; a malformed, oversized or empty body yields
    /// a problem (a 400 answer, with every error of <see cref="Read{T}"/>) instead of an exception.
    /// </summary>
    public static async Task<(T? Value, ManagementResult? Problem)> ReadAsync<T>(Stream body, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, ManagementProblems.BodyTooLarge(MaxBodyBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        var (value, errors) = Read<T>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        return errors.Count > 0 ? (null, ManagementProblems.MalformedJson(errors)) : (value, null);
    }

    /// <summary>
    /// Reads a <typeparamref name="T"/> from UTF-8 JSON (a leading byte order mark is skipped) with these rules: the
    /// value, or every error of the document (<see cref="JsonInputCheck"/>), never an exception. A document that is
    /// not well-formed JSON, or nests deeper than <see cref="MaxDepth"/>, is one error with its line and byte.
    /// The management API's bodies and the CLI's policy files are read with it.
    /// </summary>
    public static (T? Value, IReadOnlyList<JsonInputError> Errors) Read<T>(ReadOnlyMemory<byte> utf8)
        where T : class
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, [new JsonInputError("$", "is empty: a JSON object is expected")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, s_documentOptions);
        }
        catch (JsonException e)
        {
            // The parser's message may quote the input; only where it stopped is repeated.
            return (null, [new JsonInputError("$", $"is not well-formed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} " +
                $"(a syntax error, or nesting deeper than {MaxDepth})")]);
        }

        using (document)
        {
            var errors = JsonInputCheck.Check(document.RootElement, typeof(T), Options);
            return errors.Count > 0 ? (null, errors) : (document.RootElement.Deserialize<T>(Options), []);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
            WriteIndented = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
