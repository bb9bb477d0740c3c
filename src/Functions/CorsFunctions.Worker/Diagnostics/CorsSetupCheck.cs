using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Preflight;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Finds the setups that silently break CORS in an app and logs one warning each (<see cref="CorsSetupLog"/>): a
/// trigger that would take the preflights itself, a route prefix no policy route uses, a function no policy governs.
/// </summary>
internal static class CorsSetupCheck
{
    /// <summary>
    /// Warns about exactly the app's HTTP functions that take preflights from the library's <c>CorsPreflight</c>
    /// (<c>{*path}</c>, OPTIONS only): they accept OPTIONS (their methods list <c>options</c> or are empty) and the host
    /// tries their route first, because their name sorts before <c>CorsPreflight</c>. One that sorts after it never
    /// sees a preflight, since <c>CorsPreflight</c>'s route fits every path under the route prefix.
    /// </summary>
    public static void CheckMethods(IEnumerable<HttpFunction> functions, string routePrefix, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Where(f => f.AcceptsOptions && f.IsTriedBefore(PreflightFunction.Name)))
        {
            var route = function.PathUnder(routePrefix).Text;
            if (function.Methods.Count == 0)
            {
                CorsSetupLog.AcceptsEveryMethod(logger, function.Name, route);
            }
            else
            {
                CorsSetupLog.ListsOptions(logger, function.Name, route);
            }
        }
    }

    /// <summary>
    /// Warns when the loaded policies govern none of the functions: no enforced policy at all, or none under the route
    /// prefix (one warning for the cause, not one per function); otherwise once per function no enforced policy route
    /// reaches. Report-only policies never count: they only log what they would decide, so a function they alone
    /// cover refuses every CORS request (NoPolicy) as if they were not there.
    /// </summary>
    public static void CheckPolicies(IReadOnlyList<HttpFunction> functions, string routePrefix, PolicySet policies, CorsPolicyOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(options);
        if (functions.Count == 0)
        {
            return;
        }

        // Invalid policies with readable routes count: they govern (refuse) their routes and are reported on their own.
        // Any mode but ReportOnly is enforced, as the set resolves it (an invalid mode fails closed).
        var routes = policies.Entries.Where(e => e.Mode != PolicyMode.ReportOnly).SelectMany(e => e.Compilation.Routes).ToList();
        if (routes.Count == 0)
        {
            CorsSetupLog.NoPolicies(logger, options.PartitionKey, options.TableName, functions.Count);
            return;
        }

        var underPrefix = FunctionRouteTemplate.Parse(routePrefix, "{*path}");
        if (routePrefix.Length > 0 && !routes.Any(underPrefix.Overlaps))
        {
            CorsSetupLog.RoutePrefixUnused(logger, options.PartitionKey, options.TableName, routePrefix);
            return;
        }

        foreach (var function in functions)
        {
            var path = function.PathUnder(routePrefix);
            if (!routes.Any(path.Overlaps))
            {
                CorsSetupLog.FunctionWithoutPolicy(logger, function.Name, path.Text, options.PartitionKey, options.TableName, path.AsPolicyRoute);
            }
        }
    }
}
