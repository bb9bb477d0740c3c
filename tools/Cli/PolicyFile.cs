using System.Text.Json;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>
/// A policy file: <c>{ "policies": [ ... ] }</c>, each policy in the management API's JSON form (the shape of
/// <c>samples/policies.json</c> and of <c>GET cors-policies</c>). Read with the management API's own JSON rules:
/// an unknown member, a wrong type or malformed JSON is refused with its JSON path, never guessed.
/// </summary>
internal static class PolicyFile
{
    private static readonly JsonSerializerOptions s_options = ManagementJson.Options;

    /// <summary>Reads every policy of <paramref name="path"/>; a file that cannot be read is a <see cref="CliException"/> (exit 2).</summary>
    public static async Task<IReadOnlyList<StoredPolicy>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        PolicyListDocument? list;
        try
        {
            await using var stream = File.OpenRead(path);
            list = await JsonSerializer.DeserializeAsync<PolicyListDocument>(stream, s_options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            // The message names the JSON path and position (and the unknown member), not a guess at what was meant.
            throw new CliException($"{path}: not a policy file: {e.Message} Expected {{ \"policies\": [ {{ \"id\": ..., \"routes\": [...], \"allowedOrigins\": [...] }} ] }}.");
        }

        if (list?.Policies is null || list.Policies.Any(p => p is null))
        {
            throw new CliException($"{path}: not a policy file: it must be a JSON object with a \"policies\" array of policy objects.");
        }

        // An entry with no id keeps an empty one, which validation then reports (id.required) like any other error.
        return [.. list.Policies.Select(p => new StoredPolicy(p.ToDefinition(p.Id ?? ""), [], default))];
    }

    /// <summary>The JSON of <paramref name="definitions"/> as a policy file (no ETags, no errors: ready to edit and push).</summary>
    public static string Format(IEnumerable<CorsPolicyDefinition> definitions) =>
        JsonSerializer.Serialize(new PolicyListDocument([.. definitions.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => PolicyDocument.From(d, null, []))]), s_options);
}
