namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The host's HTTP route table: which function answers a method and path.</summary>
internal sealed class RouteTable(IEnumerable<HttpFunction> functions)
{
    private readonly HttpFunction[] _functions = [.. functions];

    public IReadOnlyList<HttpFunction> Functions => _functions;

    /// <summary>
    /// The most specific function whose template fits <paramref name="path"/> and that lists <paramref name="method"/>;
    /// null (the host's 404) when none does, including a path that fits only functions without that method.
    /// </summary>
    public RouteMatch? Resolve(string method, string path)
    {
        RouteMatch? best = null;
        foreach (var function in _functions)
        {
            if (!function.Accepts(method) || function.Route.Match(path) is not { } values)
            {
                continue;
            }

            if (best is null || function.Route.ComparePrecedence(best.Function.Route) < 0)
            {
                best = new RouteMatch(function, values);
            }
        }

        return best;
    }
}
