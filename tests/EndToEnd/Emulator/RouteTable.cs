namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// The host's HTTP route table: which function answers a method and path. Like the host, it tries the routes in
/// function-name order (case-insensitive ordinal, as the host's FunctionMetadataManager sorts the functions before
/// WebScriptHostHttpRoutesManager maps them) and takes the first whose template fits and whose methods include the
/// request's. No route precedence: a catch-all of a function named earlier wins over a literal route of one named later.
/// </summary>
internal sealed class RouteTable(IEnumerable<HttpFunction> functions)
{
    private readonly HttpFunction[] _functions = [.. functions.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The functions in the order the host tries their routes.</summary>
    public IReadOnlyList<HttpFunction> Functions => _functions;

    /// <summary>
    /// The first function, in name order, whose template fits <paramref name="path"/> and that lists <paramref name="method"/>;
    /// null (the host's 404) when none does, including a path that fits only functions without that method.
    /// </summary>
    public RouteMatch? Resolve(string method, string path)
    {
        foreach (var function in _functions)
        {
            if (function.Accepts(method) && function.Route.Match(path) is { } values)
            {
                return new RouteMatch(function, values);
            }
        }

        return null;
    }
}
