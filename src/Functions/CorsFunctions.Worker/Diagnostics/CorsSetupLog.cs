using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// The start-up warnings about an app's setup that would break CORS (event ids 3000-3099): each names the function
/// or setting and the fix. Function names and routes come from the app's own metadata, policy routes from the table.
/// </summary>
internal static partial class CorsSetupLog
{
    [LoggerMessage(3000, LogLevel.Warning, "HTTP function {FunctionName} (route {Route}) lists no methods, so it accepts every method, OPTIONS included, and the host tries its route before CorsPreflight's (routes are tried in function-name order): the host sends the preflights for {Route} to it instead of to CorsPreflight, and a function key it needs turns them into 401. Fix: list its methods, e.g. [HttpTrigger(AuthorizationLevel.Function, \"get\", \"post\", Route = ...)].")]
    public static partial void AcceptsEveryMethod(ILogger logger, string functionName, string route);

    [LoggerMessage(3001, LogLevel.Warning, "HTTP function {FunctionName} (route {Route}) lists \"options\" and the host tries its route before CorsPreflight's (routes are tried in function-name order): the host sends the preflights for {Route} to it instead of to CorsPreflight, and a function key it needs turns them into 401. Fix: remove \"options\" from its methods; CorsPreflight answers every preflight.")]
    public static partial void ListsOptions(ILogger logger, string functionName, string route);

    [LoggerMessage(3002, LogLevel.Warning, "No enforced CORS policy of policy set {PolicySet} (table {Table}) has a route under the route prefix /{RoutePrefix}, which the host puts before every function route: every cross-origin request to the functions is refused (NoPolicy). Fix: start the policies' routes with /{RoutePrefix}/ (e.g. /{RoutePrefix}/items/*), or change host.json extensions.http.routePrefix.")]
    public static partial void RoutePrefixUnused(ILogger logger, string policySet, string table, string routePrefix);

    [LoggerMessage(3003, LogLevel.Warning, "HTTP function {FunctionName} (route {Route}) is governed by no enforced CORS policy of policy set {PolicySet} (table {Table}; report-only policies govern nothing): cross-origin requests to it are refused (NoPolicy). Fix: add a policy with the route {PolicyRoute} (or a wider one), or switch a report-only one that covers it to enforce, unless no page on another origin calls it.")]
    public static partial void FunctionWithoutPolicy(ILogger logger, string functionName, string route, string policySet, string table, string policyRoute);

    [LoggerMessage(3004, LogLevel.Warning, "Policy set {PolicySet} of table {Table} holds no CORS policy that is enforced (report-only policies govern nothing): every cross-origin request to the app's {FunctionCount} HTTP functions is refused (NoPolicy). Fix: add policies to the table (partition key {PolicySet}), switch report-only ones to enforce, or point CorsPolicies__PartitionKey / CorsPolicies__TableName at the ones you wrote.")]
    public static partial void NoPolicies(ILogger logger, string policySet, string table, int functionCount);

    [LoggerMessage(3006, LogLevel.Warning, "The app runs on {Plan}: there the Functions host answers every CORS preflight itself, from the platform CORS list, before the worker sees it, so the CORS policies of this app neither allow nor refuse any preflight. Ways out: move the app to Windows Consumption, Elastic Premium or a Dedicated plan, or put Azure API Management in front with the policies exported by 'corsfunctions export --format apim'.")]
    public static partial void PlanAnswersPreflights(ILogger logger, string plan);

    [LoggerMessage(3005, LogLevel.Warning, "The CORS setup checks could not run (CORS itself is not affected).")]
    public static partial void ChecksFailed(ILogger logger, Exception exception);
}
