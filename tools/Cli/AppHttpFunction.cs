using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Cli;

/// <summary>An HTTP function of the app and the auth level of its trigger, as <c>functions.metadata</c> declares them.</summary>
/// <param name="Function">The function, its route and methods.</param>
/// <param name="AuthLevel">The trigger's auth level as written (<c>Function</c>, <c>Anonymous</c>, <c>Admin</c>...).</param>
internal sealed record AppHttpFunction(HttpFunction Function, string AuthLevel)
{
    /// <summary>Whether the host asks for a key (every level but anonymous): without it, a 401 with no CORS header.</summary>
    public bool NeedsKey => !string.Equals(AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase);
}
