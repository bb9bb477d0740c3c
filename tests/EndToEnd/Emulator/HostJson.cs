using System.Text.Json;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The one host.json setting the emulator honours: <c>extensions.http.routePrefix</c> (default <c>api</c>).</summary>
internal static class HostJson
{
    public static string ReadRoutePrefix(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return "api";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
                ? prefix.GetString() ?? string.Empty
                : "api";
    }
}
