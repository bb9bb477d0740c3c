using Azure;
using Azure.Identity;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>
/// How a failed store call is sorted, in particular what the Azure SDK throws once its retries are spent: an
/// <see cref="AggregateException"/> with one inner exception per attempt.
/// </summary>
public sealed class StoreFailuresTests
{
    private static readonly RequestFailedException s_refused = new("Connection refused (127.0.0.1:1)");
    private static readonly RequestFailedException s_forbidden = new(403, "forbidden", "AuthorizationPermissionMismatch", null);
    private static readonly RequestFailedException s_tableMissing = new(404, "The table specified does not exist.", "TableNotFound", null);

    private static AggregateException Attempts(params Exception[] attempts) => new("Retry failed after 4 tries.", attempts);

    private static StoreFailureKind? Classify(Exception exception) => StoreFailures.Classify(exception, CancellationToken.None);

    [Fact]
    public void Every_attempt_refused_by_the_network_is_unavailable()
    {
        Assert.Equal(StoreFailureKind.Unavailable, Classify(Attempts(s_refused, s_refused, s_refused, s_refused)));
    }

    [Fact]
    public void Every_attempt_timed_out_is_unavailable()
    {
        var timeout = new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:10.");

        Assert.Equal(StoreFailureKind.Unavailable, Classify(Attempts(timeout, timeout, timeout, timeout)));
    }

    [Fact]
    public void A_single_attempt_is_classified_as_itself()
    {
        Assert.Equal(StoreFailureKind.Forbidden, Classify(Attempts(s_forbidden)));
    }

    [Fact]
    public void A_failure_an_operator_must_fix_wins_over_the_transient_failures_around_it()
    {
        Assert.Equal(StoreFailureKind.TableMissing, Classify(Attempts(s_refused, s_tableMissing, s_refused)));
        Assert.Equal(StoreFailureKind.CredentialUnavailable, Classify(Attempts(s_refused, new CredentialUnavailableException("no identity"))));
    }

    [Fact]
    public void Among_failures_an_operator_must_fix_the_first_attempt_wins()
    {
        Assert.Equal(StoreFailureKind.Forbidden, Classify(Attempts(s_refused, s_forbidden, s_tableMissing)));
        Assert.Equal(StoreFailureKind.TableMissing, Classify(Attempts(s_tableMissing, s_forbidden)));
    }

    [Fact]
    public void An_attempt_that_is_not_a_store_failure_makes_the_whole_a_bug_wherever_it_is()
    {
        Assert.Null(Classify(Attempts(s_refused, s_refused, new InvalidOperationException("a bug"))));
        Assert.Null(Classify(Attempts(new InvalidOperationException("a bug"), s_forbidden)));
    }

    [Fact]
    public void Nested_attempts_are_considered_too()
    {
        Assert.Equal(StoreFailureKind.Forbidden, Classify(Attempts(Attempts(s_refused, s_refused), Attempts(s_forbidden))));
    }

    [Fact]
    public void No_attempt_at_all_is_not_a_store_failure()
    {
        Assert.Null(Classify(Attempts()));
    }

    [Fact]
    public void Attempts_cancelled_by_the_caller_are_not_a_store_failure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Null(StoreFailures.Classify(Attempts(s_refused, new TaskCanceledException()), cancelled.Token));
    }
}
