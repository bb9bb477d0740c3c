using CorsFunctions.Core.Evaluation;
using CorsFunctions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Every log event of the request path, source-generated: event ids and messages in one place. The public
/// methods take raw request values and policy ids (row keys anyone with write access to the table could type) and
/// bound them with <see cref="SafeLogValue"/> only when the level is on; a decision's detail is safe by construction.
/// </summary>
internal static partial class CorsRequestLog
{
    /// <summary>
    /// Logs a preflight decision: allowed at Debug, rejected (with reason, policy and detail) at Information, a debug answer
    /// as rejected with its own event.
    /// </summary>
    public static void Preflight(this ILogger logger, in PreflightResult result, string? requestMethod, string path, string? origin, string? policyId)
    {
        if (!logger.IsEnabled(result.IsAllowed ? LogLevel.Debug : LogLevel.Information))
        {
            return;
        }

        var (safeMethod, safePath, safeOrigin) = (SafeLogValue.Bound(requestMethod), SafeLogValue.Bound(path), SafeLogValue.Bound(origin));
        var safePolicyId = SafeLogValue.BoundOrNull(policyId);
        if (result.IsAllowed)
        {
            PreflightAllowed(logger, safeMethod, safePath, safeOrigin, safePolicyId);
        }
        else if (result.IsDebugAnswer)
        {
            PreflightRejectedWithDebugAnswer(logger, result.Rejection, safeMethod, safePath, safeOrigin, safePolicyId, result.Detail);
        }
        else
        {
            PreflightRejected(logger, result.Rejection, safeMethod, safePath, safeOrigin, safePolicyId, result.Detail);
        }
    }

    /// <summary>Logs an actual-request decision: allowed at Debug, refused at Information.</summary>
    public static void ActualRequest(this ILogger logger, in ActualRequestResult result, string path, string? origin, string? policyId)
    {
        if (!logger.IsEnabled(result.IsAllowed ? LogLevel.Debug : LogLevel.Information))
        {
            return;
        }

        var (safePath, safeOrigin, safePolicyId) = (SafeLogValue.Bound(path), SafeLogValue.Bound(origin), SafeLogValue.BoundOrNull(policyId));
        if (result.IsAllowed)
        {
            ActualRequestAllowed(logger, safePath, safeOrigin, safePolicyId);
        }
        else
        {
            ActualRequestRefused(logger, result.Rejection, safePath, safeOrigin, safePolicyId);
        }
    }

    /// <summary>Logs (Error) that the CORS logic failed on a preflight, which is then refused.</summary>
    public static void PreflightFailed(this ILogger logger, Exception exception, string method, string path) =>
        PreflightFailedCore(logger, exception, SafeLogValue.Bound(method), SafeLogValue.Bound(path));

    /// <summary>Logs (Error) that the CORS logic failed on a request whose response then goes out without CORS headers.</summary>
    public static void ActualRequestFailed(this ILogger logger, Exception exception, string method, string path) =>
        ActualRequestFailedCore(logger, exception, SafeLogValue.Bound(method), SafeLogValue.Bound(path));

    /// <summary>Logs (Error) that writing a preflight's headers failed; it is refused with 403 and no CORS header.</summary>
    public static void PreflightWriteFailed(this ILogger logger, Exception exception, string method, string path) =>
        PreflightWriteFailedCore(logger, exception, SafeLogValue.Bound(method), SafeLogValue.Bound(path));

    /// <summary>Logs (Error) that writing the CORS headers on a response failed; it goes out not stamped.</summary>
    public static void ActualRequestWriteFailed(this ILogger logger, Exception exception, string method, string path) =>
        ActualRequestWriteFailedCore(logger, exception, SafeLogValue.Bound(method), SafeLogValue.Bound(path));

    /// <summary>Logs (Warning) that a decision's headers could not be put on any response.</summary>
    public static void NotStamped(this ILogger logger, UnstampedReason reason, string method, string path, string? origin, string? policyId)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            NotStampedCore(logger, reason, SafeLogValue.Bound(method), SafeLogValue.Bound(path), SafeLogValue.Bound(origin), SafeLogValue.BoundOrNull(policyId));
        }
    }

    /// <summary>
    /// Logs (Information) that a report-only policy would refuse a preflight, with what the enforced policy answered;
    /// nothing when it would allow it.
    /// </summary>
    public static void ReportOnlyPreflight(this ILogger logger, in PreflightResult wouldAnswer, in PreflightResult answered,
        string requestMethod, string path, string origin, string? policyId, string? enforcedPolicyId)
    {
        if (wouldAnswer.IsAllowed || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var (safeMethod, safePath, safeOrigin) = (SafeLogValue.Bound(requestMethod), SafeLogValue.Bound(path), SafeLogValue.Bound(origin));
        var (detail, enforcedOutcome) = (wouldAnswer.Detail, Outcome(answered.IsAllowed));
        var (safePolicyId, safeEnforcedPolicyId) = (SafeLogValue.BoundOrNull(policyId), SafeLogValue.BoundOrNull(enforcedPolicyId));
        ReportOnlyPreflightRefused(logger, safePolicyId, wouldAnswer.Rejection, safeMethod, safePath, safeOrigin, detail, enforcedOutcome, safeEnforcedPolicyId);
    }

    /// <summary>Logs (Information) that a report-only policy would refuse an actual request; nothing when it would allow it.</summary>
    public static void ReportOnlyActualRequest(this ILogger logger, in ActualRequestResult wouldAnswer, in ActualRequestResult answered,
        string path, string origin, string? policyId, string? enforcedPolicyId)
    {
        if (wouldAnswer.IsAllowed || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var (safePath, safeOrigin, enforcedOutcome) = (SafeLogValue.Bound(path), SafeLogValue.Bound(origin), Outcome(answered.IsAllowed));
        var (safePolicyId, safeEnforcedPolicyId) = (SafeLogValue.BoundOrNull(policyId), SafeLogValue.BoundOrNull(enforcedPolicyId));
        ReportOnlyActualRequestRefused(logger, safePolicyId, wouldAnswer.Rejection, safePath, safeOrigin, enforcedOutcome, safeEnforcedPolicyId);
    }

    private static string Outcome(bool allowed) => allowed ? CorsAttributes.Allowed : CorsAttributes.Rejected;

    /// <summary>Logs (Error) that the middleware runs before the ASP.NET Core integration's, so it cannot answer.</summary>
    [LoggerMessage(EventId = 1010, Level = LogLevel.Error,
        Message = "CORS is not applied to {Function}: UseCorsPolicies() was called before ConfigureFunctionsWebApplication(). "
            + "Call ConfigureFunctionsWebApplication() first, then UseCorsPolicies()")]
    public static partial void RegisteredBeforeAspNetCoreIntegration(this ILogger logger, string function);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug,
        Message = "Preflight allowed: {Method} {Path} from {Origin} by policy {PolicyId}")]
    private static partial void PreflightAllowed(ILogger logger, string method, string path, string origin, string? policyId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Preflight rejected ({Reason}): {Method} {Path} from {Origin}, policy {PolicyId}: {Detail}")]
    private static partial void PreflightRejected(ILogger logger, CorsRejection reason, string method, string path,
        string origin, string? policyId, string? detail);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information,
        Message = "Preflight rejected ({Reason}) and answered in debug mode with the policy's allowed origin and lists: {Method} {Path} from {Origin}, policy {PolicyId}: {Detail}")]
    private static partial void PreflightRejectedWithDebugAnswer(ILogger logger, CorsRejection reason, string method, string path,
        string origin, string? policyId, string? detail);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug,
        Message = "Actual request allowed: {Path} from {Origin} by policy {PolicyId}")]
    private static partial void ActualRequestAllowed(ILogger logger, string path, string origin, string? policyId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Actual request refused ({Reason}): {Path} from {Origin}, policy {PolicyId}; only Vary: Origin is added")]
    private static partial void ActualRequestRefused(ILogger logger, CorsRejection reason, string path, string origin, string? policyId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error,
        Message = "CORS evaluation failed for the preflight {Method} {Path}; refused with 403 (fail closed)")]
    private static partial void PreflightFailedCore(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error,
        Message = "CORS evaluation failed for {Method} {Path}; the function's response is sent without CORS headers")]
    private static partial void ActualRequestFailedCore(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning,
        Message = "CORS headers not stamped ({Reason}): {Method} {Path} from {Origin}, policy {PolicyId}; the response carries no CORS grant")]
    private static partial void NotStampedCore(ILogger logger, UnstampedReason reason, string method, string path, string origin, string? policyId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error,
        Message = "Writing the CORS headers failed for the preflight {Method} {Path}; refused with 403 and no CORS header (fail closed)")]
    private static partial void PreflightWriteFailedCore(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error,
        Message = "Writing the CORS headers failed for {Method} {Path}; the response goes out not stamped, without CORS grant")]
    private static partial void ActualRequestWriteFailedCore(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information,
        Message = "Report-only policy {PolicyId} would reject the preflight ({Reason}): {Method} {Path} from {Origin}: {Detail}; the enforced answer was {EnforcedOutcome} (policy {EnforcedPolicyId})")]
    private static partial void ReportOnlyPreflightRefused(ILogger logger, string? policyId, CorsRejection reason, string method, string path,
        string origin, string? detail, string enforcedOutcome, string? enforcedPolicyId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information,
        Message = "Report-only policy {PolicyId} would refuse the actual request ({Reason}): {Path} from {Origin}; the enforced answer was {EnforcedOutcome} (policy {EnforcedPolicyId})")]
    private static partial void ReportOnlyActualRequestRefused(ILogger logger, string? policyId, CorsRejection reason, string path,
        string origin, string enforcedOutcome, string? enforcedPolicyId);
}
