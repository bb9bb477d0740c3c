using System.Net.Http.Headers;

namespace CorsFunctions.Worker.Management.Http;

/// <summary>
/// The one content type the writes of the management API accept. It is what keeps a page on another site from
/// writing where no key is enforced (a local run under Core Tools): a form or a <c>fetch</c> without a preflight can
/// only send the CORS-safelisted types (<c>text/plain</c>, <c>application/x-www-form-urlencoded</c>,
/// <c>multipart/form-data</c>) or none, and a page must pass a CORS preflight before it may send
/// <c>application/json</c>. Parameters (<c>charset=utf-8</c>) are allowed; several values or a type that does not
/// parse are not.
/// </summary>
internal static class JsonContentType
{
    /// <summary>The media type a write must declare.</summary>
    public const string MediaType = "application/json";

    /// <summary>Whether the <c>Content-Type</c> header value <paramref name="contentType"/> declares JSON.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && string.Equals(parsed.MediaType, MediaType, StringComparison.OrdinalIgnoreCase);
}
