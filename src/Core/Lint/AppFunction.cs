using CorsFunctions.Core.Routing;

namespace CorsFunctions.Core.Lint;

/// <summary>An HTTP function of the app, as the host serves it: what the route checks of <see cref="PolicyLinter"/> compare with.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Path">The request path template the host serves it on, route prefix included.</param>
/// <param name="Methods">The methods the trigger lists; empty means every method.</param>
public sealed record AppFunction(string Name, FunctionRouteTemplate Path, IReadOnlyList<string> Methods)
{
    /// <summary>Whether the function takes nothing but OPTIONS (such as <c>CorsPreflight</c>): no page calls it cross-origin.</summary>
    public bool OnlyOptions => Methods.Count > 0 && Methods.All(m => string.Equals(m, "OPTIONS", StringComparison.OrdinalIgnoreCase));
}
