using Azure;
using Azure.Identity;

namespace CorsFunctions.Worker.Policies;

/// <summary>Sorts an exception of a store call into a <see cref="StoreFailureKind"/>, or null for one that is not a store failure (a bug).</summary>
internal static class StoreFailures
{
    /// <summary>The seconds a caller is told to wait after an <see cref="StoreFailureKind.Unavailable"/> store.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// Classifies <paramref name="exception"/>. A cancellation counts as a timeout only when the caller did not ask
    /// for it (<paramref name="callerCancellation"/> not cancelled): the SDK's own network timeout surfaces as one.
    /// An <see cref="AggregateException"/> is what the SDK throws when every retry failed, one inner exception per
    /// attempt: see <see cref="ClassifyAttempts"/>. A <see cref="TableStoreException"/> is classified by what it wraps.
    /// </summary>
    public static StoreFailureKind? Classify(Exception exception, CancellationToken callerCancellation) => exception switch
    {
        TableStoreException { InnerException: { } inner } => Classify(inner, callerCancellation),
        RequestFailedException { Status: 403 } => StoreFailureKind.Forbidden,
        RequestFailedException { Status: 404, ErrorCode: "TableNotFound" } => StoreFailureKind.TableMissing,
        RequestFailedException { Status: 0 or 408 or 429 or 500 or 502 or 503 or 504 } => StoreFailureKind.Unavailable,
        AuthenticationFailedException => StoreFailureKind.CredentialUnavailable,
        TimeoutException => StoreFailureKind.Unavailable,
        OperationCanceledException when !callerCancellation.IsCancellationRequested => StoreFailureKind.Unavailable,
        AggregateException aggregate => ClassifyAttempts(aggregate.InnerExceptions, callerCancellation),
        _ => null,
    };

    /// <summary>The table a store failure happened on, when the table class named it (<see cref="TableStoreException"/>); else null.</summary>
    public static string? TableOf(Exception exception) => (exception as TableStoreException)?.TableName;

    /// <summary>
    /// The failure of several attempts, every one of them considered: an attempt that is not a store failure makes the
    /// whole a bug (null), so it is never hidden behind the transient failures before it; else the first failure an
    /// operator must fix (forbidden, no credential, missing table) wins over <see cref="StoreFailureKind.Unavailable"/>,
    /// which the whole is only when every attempt was. No attempt at all is not a store failure.
    /// </summary>
    private static StoreFailureKind? ClassifyAttempts(IEnumerable<Exception> attempts, CancellationToken callerCancellation)
    {
        StoreFailureKind? result = null;
        foreach (var attempt in attempts)
        {
            var kind = Classify(attempt, callerCancellation);
            if (kind is null)
            {
                return null;
            }

            if (result is null or StoreFailureKind.Unavailable)
            {
                result = kind;
            }
        }

        return result;
    }
}
