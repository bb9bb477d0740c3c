using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsFunctions.Worker.Management;

/// <summary>JSON settings of the management API: camelCase, unknown and repeated members refused (a typo or an ambiguous body never passes silently).</summary>
internal static class ManagementJson
{
    /// <summary>The largest request body read (a policy with thousands of origins still fits).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The serializer options for every management request and response.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    /// <summary>
    /// Reads a JSON body of at most <see cref="MaxBodyBytes"/>; a malformed, oversized or empty body yields
    /// a problem (a 400 answer) instead of an exception.
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

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null
                ? (null, ManagementProblems.MalformedJson("The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            // The message names the JSON path and position, never the offending value.
            return (null, ManagementProblems.MalformedJson(e.Message));
        }
    }
}
