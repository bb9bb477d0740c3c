using Azure;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>One load: what it returns, counts and logs, and when it keeps the compiled set.</summary>
public sealed class PolicySnapshotLoaderTests : IDisposable
{
    private static readonly CorsPolicyOptions s_options = new() { RefreshSeconds = 300 };

    private readonly RecordingTimeProvider _time = new();
    private readonly Mock<IPolicyStore> _store = new Mock<IPolicyStore>().WithMovingChangeMarker();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly PolicySnapshotPipeline _pipeline;

    public PolicySnapshotLoaderTests() =>
        _pipeline = new PolicySnapshotPipeline(_store.Object, s_options, _time, _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public void Dispose()
    {
        _pipeline.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task A_load_says_whether_it_succeeded()
    {
        StoreFails();
        Assert.False(await _pipeline.RefreshAsync(CancellationToken.None));

        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));
        Assert.True(await _pipeline.RefreshAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_success_resets_the_count_of_failures_in_a_row()
    {
        StoreFails();
        await _pipeline.RefreshAsync(CancellationToken.None);
        await _pipeline.RefreshAsync(CancellationToken.None);
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));
        await _pipeline.RefreshAsync(CancellationToken.None);
        StoreFails();

        await _pipeline.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, _pipeline.Loader.ConsecutiveFailures);
        Assert.Equal("1", _pipeline.Logs.LatestRecord.GetStructuredStateValue("FailureCount"));
    }

    [Fact]
    public async Task A_cold_start_failure_announces_the_cold_start_backoff_not_the_refresh_interval()
    {
        StoreFails();
        await _pipeline.RefreshAsync(CancellationToken.None);
        await _pipeline.RefreshAsync(CancellationToken.None);

        var schedule = new PolicyReloadSchedule(Options.Create(s_options));
        var record = _pipeline.Logs.LatestRecord;
        Assert.Equal(2003, record.Id.Id);
        Assert.Equal(schedule.NextDelay(loaded: false, 2).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            record.GetStructuredStateValue("RetrySeconds"));
        Assert.NotEqual(schedule.NextDelay(loaded: false, 2), schedule.NextDelay(loaded: true, 2));
    }

    [Fact]
    public async Task A_store_timeout_surfacing_as_a_cancellation_is_a_failed_load()
    {
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new TaskCanceledException("The operation was canceled (network timeout)."));

        Assert.False(await _pipeline.RefreshAsync(CancellationToken.None));
        Assert.Equal(1, _pipeline.Loader.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_store_failure_while_the_caller_is_stopping_is_still_a_failed_load()
    {
        using var stopping = StoreFailsWhileStopping(_ => new RequestFailedException(503, "busy"));

        Assert.False(await _pipeline.RefreshAsync(stopping.Token));
        Assert.Equal(1, _pipeline.Loader.ConsecutiveFailures);
    }

    [Fact]
    public async Task The_callers_own_cancellation_propagates_and_is_not_counted()
    {
        using var stopping = StoreFailsWhileStopping(token => new OperationCanceledException(token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _pipeline.RefreshAsync(stopping.Token));
        Assert.Equal(0, _pipeline.Loader.ConsecutiveFailures);
        Assert.DoesNotContain(_pipeline.Logs.GetSnapshot(), r => r.Id.Id is 2002 or 2003);
    }

    [Fact]
    public async Task One_changed_row_among_unchanged_ones_recompiles_the_set()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items("a", "/a"), "W/\"1\""), TestPolicies.Stored(TestPolicies.Items("b", "/b"), "W/\"1\""));
        await _pipeline.RefreshAsync(CancellationToken.None);
        var first = _pipeline.Current.Policies;
        StoreReturns(TestPolicies.Stored(TestPolicies.Items("a", "/a"), "W/\"1\""), TestPolicies.Stored(TestPolicies.Items("b", "/b"), "W/\"2\""));

        await _pipeline.RefreshAsync(CancellationToken.None);

        Assert.NotSame(first, _pipeline.Current.Policies);
        Assert.Equal(2000, _pipeline.Logs.LatestRecord.Id.Id);
    }

    [Fact]
    public async Task Unchanged_rows_keep_the_compiled_set_and_only_renew_its_age()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items("a", "/a")), TestPolicies.Stored(TestPolicies.Items("b", "/b")));
        await _pipeline.RefreshAsync(CancellationToken.None);
        var first = _pipeline.Current;
        _time.Advance(TimeSpan.FromSeconds(10));

        await _pipeline.RefreshAsync(CancellationToken.None);

        Assert.Same(first.Policies, _pipeline.Current.Policies);
        Assert.Equal(first.LoadedAt + TimeSpan.FromSeconds(10), _pipeline.Current.LoadedAt);
        Assert.Equal(2001, _pipeline.Logs.LatestRecord.Id.Id);
    }

    private void StoreReturns(params StoredPolicy[] policies) =>
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(policies);

    /// <summary>A store call during which the caller starts stopping, then fails with <paramref name="failure"/>.</summary>
    private CancellationTokenSource StoreFailsWhileStopping(Func<CancellationToken, Exception> failure)
    {
        var stopping = new CancellationTokenSource();
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            stopping.Cancel();
            throw failure(stopping.Token);
        });
        return stopping;
    }

    private void StoreFails() =>
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException("store unreachable"));
}
