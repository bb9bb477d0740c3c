using CorsFunctions.Core.Lint;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>An HTTP-triggered function of the app, as its metadata declares it to the host.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Route">The route template without the route prefix (the function name when the trigger sets none).</param>
/// <param name="Methods">The methods the trigger lists; empty means every method, OPTIONS included.</param>
/// <param name="AuthLevel">The trigger's auth level as written (<c>Function</c>, <c>Anonymous</c>, <c>Admin</c>...); the host's default, <c>function</c>, when it names none.</param>
internal sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel = HttpFunction.DefaultAuthLevel)
{
    /// <summary>The level the host applies to an HTTP trigger that names none.</summary>
    public const string DefaultAuthLevel = "function";

    /// <summary>Whether the host asks for a key (every level but anonymous): without it, a 401 with no CORS header.</summary>
    public bool NeedsKey => !string.Equals(AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the function's route takes OPTIONS requests (every preflight) when the host tries it.</summary>
    public bool AcceptsOptions => Methods.Count == 0 || Methods.Contains("options", StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the host tries this function's route before that of <paramref name="other"/>: it maps routes in function-name
    /// order (case-insensitive ordinal, as its FunctionMetadataManager sorts them) and the first route whose template and
    /// methods fit takes the request.
    /// </summary>
    public bool IsTriedBefore(string other) => string.Compare(Name, other, StringComparison.OrdinalIgnoreCase) < 0;

    /// <summary>The request path template the host serves the function on: <c>/api/items/{id}</c>.</summary>
    public FunctionRouteTemplate PathUnder(string routePrefix) => FunctionRouteTemplate.Parse(routePrefix, Route);

    /// <summary>The function as <see cref="PolicyLinter"/> compares it with policies, served under <paramref name="routePrefix"/>.</summary>
    public AppFunction Under(string routePrefix) => new(Name, PathUnder(routePrefix), Methods);
}
