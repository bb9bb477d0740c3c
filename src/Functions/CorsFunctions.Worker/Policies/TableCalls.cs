using Azure;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The one wrapper a table class puts around each of its operations so that a store failure names the table it
/// happened on (a <see cref="TableStoreException"/>): what <see cref="StoreFailures"/> classifies, and any other
/// answer of the table service (<see cref="RequestFailedException"/>). A caller's own cancellation and a bug leave
/// as they are, and a failure already named (an inner call on another table) keeps its name.
/// </summary>
internal static class TableCalls
{
    /// <summary>Runs <paramref name="call"/>, an operation on <paramref name="tableName"/>.</summary>
    public static async Task<T> RunAsync<T>(string tableName, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not TableStoreException
            && (exception is RequestFailedException || StoreFailures.Classify(exception, cancellationToken) is not null))
        {
            throw TableStoreException.On(tableName, exception);
        }
    }

    /// <summary>Runs <paramref name="call"/>, an operation on <paramref name="tableName"/> without a result.</summary>
    public static Task RunAsync(string tableName, Func<Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(tableName, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
