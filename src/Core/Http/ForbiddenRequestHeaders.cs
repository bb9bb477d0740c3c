using System.Collections.Frozen;

namespace CorsFunctions.Core.Http;

/// <summary>
/// Request headers a page can never set (Fetch, "forbidden request-header"): allowing them in a policy
/// is always a configuration mistake.
/// </summary>
internal static class ForbiddenRequestHeaders
{
    private static readonly FrozenSet<string> s_names = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers", "Access-Control-Request-Method",
        "Access-Control-Request-Private-Network", "Connection", "Content-Length", "Cookie", "Cookie2", "Date",
        "DNT", "Expect", "Host", "Keep-Alive", "Origin", "Referer", "Set-Cookie", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Via");

    public static bool Contains(string name) =>
        s_names.Contains(name)
        || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Sec-", StringComparison.OrdinalIgnoreCase);
}
