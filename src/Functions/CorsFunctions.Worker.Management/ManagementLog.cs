using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Every log event of the management API. Its ids are in the policy store's range (2000-2099, the others in
/// CorsFunctions.Worker's <c>PolicyLog</c>) and unchanged since the API moved to this package.
/// </summary>
internal static partial class ManagementLog
{
    [LoggerMessage(2013, LogLevel.Warning, "Management call {Function} failed on the store ({Failure}, table {Table}); answered {Status}.")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string function, string failure, string table, int status);

    [LoggerMessage(2014, LogLevel.Error, "Management call {Function} failed unexpectedly (invocation {InvocationId}); answered 500.")]
    public static partial void Failed(ILogger logger, Exception exception, string function, string invocationId);

    [LoggerMessage(2019, LogLevel.Information, "Management call {Function} was cancelled by its caller before it was answered (invocation {InvocationId}); a write done before that is recorded all the same.")]
    public static partial void Cancelled(ILogger logger, string function, string invocationId);
}
