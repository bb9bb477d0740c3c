using Azure;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Cli;

/// <summary>
/// Turns a failed table call into a message that names the table it failed on and says what to do (exit 3), or null
/// for an exception that is a bug. The library's <see cref="StoreFailures"/> sorts the failure, as it does for the
/// management API's answers.
/// </summary>
internal static class StoreErrors
{
    /// <summary>Whether the table itself does not exist.</summary>
    public static bool IsTableMissing(Exception exception) =>
        StoreFailures.Classify(exception, CancellationToken.None) == StoreFailureKind.TableMissing;

    /// <summary>The one-line message for <paramref name="exception"/>, or null when it is not a store failure.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = StoreFailures.TableOf(exception) is { } table ? $"table {table}" : "the table service";
        var cause = exception is TableStoreException { InnerException: { } inner } ? inner : exception;
        return StoreFailures.Classify(exception, CancellationToken.None) switch
        {
            StoreFailureKind.Forbidden =>
                $"{where}: storage refused this identity (403). Reading needs Storage Table Data Reader on both tables; writing (push, rollback) needs " +
                "Storage Table Data Contributor on the policy table and the role 'CorsFunctions audit appender' on the audit table " +
                "(docs/deployment.md, Grant an operator write access); with a connection string, check its key or SAS.",
            StoreFailureKind.TableMissing => $"{where}: the table does not exist in this account (a first push creates it).",
            StoreFailureKind.CredentialUnavailable =>
                $"{where}: no Azure credential: {Reason(cause)} Sign in (az login) or use --connection-string.",
            StoreFailureKind.Unavailable =>
                $"{where}: the table service cannot be reached, is busy or timed out: {Reason(cause)} Nothing more was written; try again.",
            _ when cause is RequestFailedException e => $"{where}: the table service answered {e.Status} {e.ErrorCode}: {OneLine.Of(e.Message)}",
            _ => null,
        };
    }

    /// <summary>What went wrong, in one line: the last attempt's reason and how many attempts there were, when the SDK retried.</summary>
    private static string Reason(Exception exception) => exception is AggregateException { InnerExceptions: [.., var last] } attempts
        ? $"{OneLine.Of(last.Message)} ({attempts.InnerExceptions.Count} attempts)."
        : OneLine.Of(exception.Message);
}
