using System.Text.Json;
using Microsoft.Playwright;

namespace CorsFunctions.EndToEnd.Browser;

/// <summary>Runs <c>fetch</c> inside a page served from the page origin, so every CORS check is Chromium's own.</summary>
internal static class PageFetch
{
    private const string Script = """
        async ({ url, init, header }) => {
          try {
            const response = await fetch(url, init);
            await response.text();
            return { resolved: true, status: response.status, header: header ? response.headers.get(header) : null, error: null };
          } catch (e) {
            return { resolved: false, status: 0, header: null, error: `${e.name}: ${e.message}` };
          }
        }
        """;

    /// <param name="init">The fetch options (method, headers, body, credentials).</param>
    /// <param name="readHeader">A response header the page tries to read.</param>
    public static async Task<FetchOutcome> RunAsync(IPage page, Uri url, object init, string? readHeader = null)
    {
        var result = await page.EvaluateAsync<JsonElement>(Script, new { url = url.ToString(), init, header = readHeader });
        return new FetchOutcome(
            result.GetProperty("resolved").GetBoolean(),
            result.GetProperty("status").GetInt32(),
            result.GetProperty("header").GetString(),
            result.GetProperty("error").GetString());
    }
}
