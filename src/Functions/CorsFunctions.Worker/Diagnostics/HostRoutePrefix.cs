using System.Text.Json;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// The route prefix the host puts before every HTTP route: the app setting
/// <c>AzureFunctionsJobHost__extensions__http__routePrefix</c> when set, else host.json's
/// <c>extensions.http.routePrefix</c>, else <c>api</c>. An empty prefix is valid (routes at the root).
/// </summary>
internal static class HostRoutePrefix
{
    /// <summary>The app setting that overrides host.json.</summary>
    public const string SettingName = "AzureFunctionsJobHost__extensions__http__routePrefix";

    /// <summary>The host's default.</summary>
    public const string Default = "api";

    private static readonly JsonDocumentOptions HostJsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The prefix without slashes, from the override setting or the text of host.json (either may be null).</summary>
    public static string Read(string? setting, string? hostJson)
    {
        if (setting is not null)
        {
            return setting.Trim('/');
        }

        if (hostJson is null)
        {
            return Default;
        }

        try
        {
            using var document = JsonDocument.Parse(hostJson, HostJsonOptions);
            return Property(document.RootElement, "extensions") is { } extensions
                && Property(extensions, "http") is { } http
                && Property(http, "routePrefix") is { ValueKind: JsonValueKind.String } prefix
                ? prefix.GetString()!.Trim('/')
                : Default;
        }
        catch (JsonException)
        {
            // The host refuses such a host.json itself; there is no prefix to compare with.
            return Default;
        }
    }

    /// <summary>The host reads its configuration case-insensitively.</summary>
    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;
}
