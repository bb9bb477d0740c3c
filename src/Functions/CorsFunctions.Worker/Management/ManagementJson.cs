using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// JSON settings of the policy documents the management API (CorsFunctions.Worker.Management) and the CLI read and write:
/// camelCase, unknown and repeated members refused (a typo or an ambiguous body never passes silently).
/// </summary>
internal static class ManagementJson
{
    /// <summary>The serializer options for every management request and response (read-only: their contract is what <see cref="JsonInputCheck"/> walks).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>How deep a document may nest (the serializer's own default).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = MaxDepth };

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
