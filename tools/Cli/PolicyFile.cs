using System.Text.Json;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>
/// A policy file: <c>{ "policies": [ ... ] }</c>, each policy in the management API's JSON form (the shape of
/// <c>samples/policies.json</c> and of <c>GET cors-policies</c>). Read with the management API's own JSON rules
/// (<see cref="ManagementJson.Read{T}"/>): every unknown member, wrong type or malformed JSON of the file is refused
/// with its JSON path, never guessed.
/// </summary>
internal static class PolicyFile
{
    private static readonly JsonSerializerOptions s_options = CliJson.Output;

    /// <summary>Reads every policy of <paramref name="path"/>; a file that cannot be read is a <see cref="CliException"/> (exit 2).</summary>
    public static async Task<IReadOnlyList<StoredPolicy>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] json;
        try
        {
            json = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot be read: {e.Message}");
        }

        var (list, errors) = ManagementJson.Read<PolicyListDocument>(json);
        if (list is { Policies: null })
        {
            errors = [new JsonInputError("$.policies", "is missing: a policy file is a JSON object with a \"policies\" array of policy objects")];
        }

        if (errors.Count > 0)
        {
            throw new CliException($"{path}: not a policy file ({Counted.Of(errors.Count, "error", "errors")}):{Environment.NewLine}" +
                string.Concat(errors.Select(e => $"  {e}{Environment.NewLine}")) +
                "Expected { \"policies\": [ { \"id\": ..., \"routes\": [...], \"allowedOrigins\": [...] } ] }.");
        }

        // An entry with no id keeps an empty one, which validation then reports (id.required) like any other error.
        return [.. list!.Policies!.Select(p => new StoredPolicy(p.ToDefinition(p.Id ?? ""), [], default))];
    }

    /// <summary>The JSON of <paramref name="definitions"/> as a policy file (no ETags, no errors: ready to edit and push).</summary>
    public static string Format(IEnumerable<CorsPolicyDefinition> definitions) =>
        JsonSerializer.Serialize(new PolicyListDocument([.. definitions.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => PolicyDocument.From(d, null, []))]), s_options);
}
