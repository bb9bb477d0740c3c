using Azure;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>The wrapper that makes a store failure name the table it happened on, and leaves everything else alone.</summary>
public sealed class TableCallsTests
{
    private static Task<int> Failing(Exception exception) => Task.FromException<int>(exception);

    [Fact]
    public async Task A_store_failure_leaves_naming_the_table_and_is_classified_as_what_it_wraps()
    {
        var busy = new RequestFailedException(503, "Server busy", "ServerBusy", null);

        var named = await Assert.ThrowsAsync<TableStoreException>(() => TableCalls.RunAsync("CorsPolicyAudit", () => Failing(busy), CancellationToken.None));

        Assert.Equal("CorsPolicyAudit", named.TableName);
        Assert.Same(busy, named.InnerException);
        Assert.Equal("CorsPolicyAudit", StoreFailures.TableOf(named));
        Assert.Equal(StoreFailureKind.Unavailable, StoreFailures.Classify(named, CancellationToken.None));
    }

    [Fact]
    public async Task Every_attempt_of_a_retried_call_stays_inside_the_named_failure()
    {
        var attempts = new AggregateException(new RequestFailedException("Connection refused"), new RequestFailedException("Connection refused"));

        var named = await Assert.ThrowsAsync<TableStoreException>(() => TableCalls.RunAsync("CorsPolicies", () => Failing(attempts), CancellationToken.None));

        Assert.Same(attempts, named.InnerException);
        Assert.Equal(StoreFailureKind.Unavailable, StoreFailures.Classify(named, CancellationToken.None));
    }

    [Fact]
    public async Task Any_other_answer_of_the_table_service_is_named_too()
    {
        var badRequest = new RequestFailedException(400, "The property value exceeds the maximum allowed size.", "PropertyValueTooLarge", null);

        var named = await Assert.ThrowsAsync<TableStoreException>(() => TableCalls.RunAsync("CorsPolicies", () => Failing(badRequest), CancellationToken.None));

        Assert.Same(badRequest, named.InnerException);
        Assert.Null(StoreFailures.Classify(named, CancellationToken.None));
    }

    [Fact]
    public async Task A_bug_leaves_as_it_is()
    {
        var bug = new InvalidOperationException("a bug");

        Assert.Same(bug, await Assert.ThrowsAsync<InvalidOperationException>(() => TableCalls.RunAsync("CorsPolicies", () => Failing(bug), CancellationToken.None)));
    }

    [Fact]
    public async Task The_callers_own_cancellation_leaves_as_it_is()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() => TableCalls.RunAsync("CorsPolicies", () => Failing(new TaskCanceledException()), cancelled.Token));
    }

    [Fact]
    public async Task A_failure_already_named_keeps_its_name()
    {
        var inner = TableStoreException.On("CorsPolicyAudit", new RequestFailedException(403, "forbidden", "AuthorizationPermissionMismatch", null));

        var named = await Assert.ThrowsAsync<TableStoreException>(() => TableCalls.RunAsync("CorsPolicies", () => Failing(inner), CancellationToken.None));

        Assert.Same(inner, named);
    }

    [Fact]
    public async Task A_call_without_a_result_is_named_the_same_way()
    {
        Task Call() => Task.FromException(new TimeoutException());

        var named = await Assert.ThrowsAsync<TableStoreException>(() => TableCalls.RunAsync("CorsPolicies", Call, CancellationToken.None));

        Assert.Equal("CorsPolicies", named.TableName);
        Assert.IsType<TimeoutException>(named.InnerException);
    }
}
