using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;
using CorsFunctions.Worker;

namespace CorsFunctions.Functions.Tests.Policies;

public sealed class PolicySnapshotRefresherTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly RecordingTimeProvider _time = new();
    private readonly Mock<IPolicyStore> _store = new Mock<IPolicyStore>().WithMovingChangeMarker();
    private readonly FakeLogCollector _logs = new();
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly PolicySnapshotPipeline _refresher;

    public PolicySnapshotRefresherTests() => _refresher = Create(refreshSeconds: 30);

    private IMeterFactory MeterFactory => _metrics.GetRequiredService<IMeterFactory>();

    private PolicySnapshotPipeline Create(int refreshSeconds) =>
        new(_store.Object, new CorsPolicyOptions { RefreshSeconds = refreshSeconds }, _time, MeterFactory, _logs);

    private void StoreReturns(params StoredPolicy[] policies) =>
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(policies);

    private void StoreFails() =>
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new Azure.RequestFailedException("store unreachable"));

    private int Logged(LogLevel level) => _logs.GetSnapshot().Count(r => r.Level == level);

    private int LoggedEvent(int id) => _logs.GetSnapshot().Count(r => r.Id.Id == id);

    /// <summary>Lets the next scheduled reload run: waits for its timer, then moves the clock past it.</summary>
    private async Task<TimeSpan> RunNextReloadAsync(int timerNumber)
    {
        var delay = await _time.WaitForTimerAsync(timerNumber);
        _time.Advance(delay);
        return delay;
    }

    public async ValueTask DisposeAsync()
    {
        await _refresher.StopAsync(CancellationToken.None);
        _refresher.Dispose();
        await _metrics.DisposeAsync();
    }

    [Fact]
    public async Task Startup_loads_the_snapshot_before_it_completes()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));

        await _refresher.StartAsync(CancellationToken.None);

        var snapshot = _refresher.Current;
        Assert.True(snapshot.IsLoaded);
        Assert.Equal(_time.GetUtcNow(), snapshot.LoadedAt);
        Assert.Equal("items", snapshot.Policies.Resolve("/api/items/42").PolicyId);
    }

    [Fact]
    public async Task First_loaded_completes_with_the_first_snapshot_read_and_not_before()
    {
        StoreFails();
        await _refresher.StartAsync(CancellationToken.None);
        Assert.False(_refresher.FirstLoaded.IsCompleted);

        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));
        await _refresher.RefreshAsync(CancellationToken.None);

        Assert.Same(_refresher.Current, await _refresher.FirstLoaded);
    }

    [Fact]
    public async Task Reload_of_unchanged_rows_keeps_the_compiled_set_and_renews_its_age()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items(), etag: "W/\"1\""));
        await _refresher.StartAsync(CancellationToken.None);
        var first = _refresher.Current;

        await RunNextReloadAsync(timerNumber: 1);
        await _refresher.RefreshAsync(CancellationToken.None);

        Assert.Same(first.Policies, _refresher.Current.Policies);
        Assert.True(_refresher.Current.LoadedAt > first.LoadedAt);
    }

    [Fact]
    public async Task Reload_of_a_changed_row_compiles_a_new_set()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items(), etag: "W/\"1\""));
        await _refresher.StartAsync(CancellationToken.None);
        var first = _refresher.Current;

        StoreReturns(TestPolicies.Stored(TestPolicies.Items() with { AllowedOrigins = ["https://other.example.com"] }, etag: "W/\"2\""));
        await _refresher.RefreshAsync(CancellationToken.None);

        Assert.NotSame(first.Policies, _refresher.Current.Policies);
        var policy = _refresher.Current.Policies.Resolve("/api/items").Policy!;
        Assert.Equal(CorsRejection.OriginNotAllowed, policy.EvaluateActualRequest(TestPolicies.TrustedOrigin).Rejection);
    }

    [Fact]
    public async Task Cold_start_with_the_store_unreachable_fails_closed_and_logs_an_error()
    {
        StoreFails();

        await _refresher.StartAsync(CancellationToken.None);

        Assert.Same(PolicySnapshot.NotLoaded, _refresher.Current);
        Assert.Equal(CorsRejection.NoPolicy, _refresher.Current.Policies.Resolve("/api/items").Rejection);
        Assert.Equal(1, LoggedEvent(2003));
    }

    [Fact]
    public async Task Cold_start_retries_with_doubling_delays_capped_at_30_seconds()
    {
        StoreFails();
        using var refresher = Create(refreshSeconds: 3600);
        await refresher.StartAsync(CancellationToken.None);

        var delays = new List<TimeSpan>();
        for (var timer = 1; timer <= 7; timer++)
        {
            delays.Add(await RunNextReloadAsync(timer));
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays.Select(d => d.TotalSeconds));
        await refresher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Cold_start_backoff_never_exceeds_the_refresh_interval()
    {
        StoreFails();
        using var refresher = Create(refreshSeconds: 5);
        await refresher.StartAsync(CancellationToken.None);

        var delays = new List<TimeSpan>();
        for (var timer = 1; timer <= 5; timer++)
        {
            delays.Add(await RunNextReloadAsync(timer));
        }

        Assert.Equal([1, 2, 4, 5, 5], delays.Select(d => d.TotalSeconds));
        await refresher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_reload_loop_starts_only_once_a_slow_first_load_is_done()
    {
        var slow = new TaskCompletionSource<IReadOnlyList<StoredPolicy>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(slow.Task);
        var starting = _refresher.StartAsync(CancellationToken.None);
        Assert.Equal(PolicySnapshotRefresher.StartupWait, await _time.WaitForTimerAsync(1));
        _time.Advance(PolicySnapshotRefresher.StartupWait);
        await starting; // the app starts failing closed while the first load is still running

        slow.SetResult([TestPolicies.Stored(TestPolicies.Items())]);

        // No cold-start retry was stacked behind the running load: the first delay is the refresh interval.
        Assert.Equal(Interval, await _time.WaitForTimerAsync(2));
        Assert.Single(_store.Invocations, i => i.Method.Name == nameof(IPolicyStore.ListAsync));
    }

    [Fact]
    public async Task First_success_after_cold_start_failures_loads_and_switches_to_the_refresh_interval()
    {
        StoreFails();
        await _refresher.StartAsync(CancellationToken.None);
        await RunNextReloadAsync(1);
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));

        await RunNextReloadAsync(2);

        Assert.Equal(Interval, await _time.WaitForTimerAsync(3));
        Assert.True(_refresher.Current.IsLoaded);
        Assert.Equal(3, _store.Invocations.Count(i => i.Method.Name == nameof(IPolicyStore.ListAsync)));
    }

    [Fact]
    public async Task Failed_reload_keeps_the_last_good_snapshot_and_logs_failure_count_and_age()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));
        await _refresher.StartAsync(CancellationToken.None);
        var good = _refresher.Current;
        StoreFails();

        await RunNextReloadAsync(1);
        await RunNextReloadAsync(2);
        await _time.WaitForTimerAsync(3);

        Assert.Same(good, _refresher.Current);
        var warnings = _logs.GetSnapshot().Where(r => r.Id.Id == 2002).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("(2 in a row)", warnings[1].Message, StringComparison.Ordinal);
        Assert.Contains("60 s ago", warnings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(AuthenticationFailedException))]
    [InlineData(typeof(CredentialUnavailableException))]
    public async Task Credential_failure_of_the_table_client_keeps_the_last_good_snapshot(Type failure)
    {
        // The real store over a real table client whose credential (DefaultAzureCredential in Azure) fails.
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync((Exception)Activator.CreateInstance(failure, "managed identity unavailable")!);
        var table = new TableServiceClient(new Uri("https://account.table.core.windows.net"), credential.Object,
            ProductionRetries.WithShortDelays()).GetTableClient("CorsPolicies");
        var tableStore = new TablePolicyStore(table, Options.Create(new CorsPolicyOptions()));
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));
        await _refresher.StartAsync(CancellationToken.None);
        var good = _refresher.Current;
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns((CancellationToken token) => tableStore.ListAsync(token));

        await RunNextReloadAsync(1);
        await _time.WaitForTimerAsync(2);

        Assert.Same(good, _refresher.Current);
        Assert.Equal("items", _refresher.Current.Policies.Resolve("/api/items/42").PolicyId);
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 2002);
        var named = Assert.IsType<TableStoreException>(warning.Exception);
        Assert.Equal("CorsPolicies", named.TableName);
        Assert.IsType(failure, named.InnerException);
    }

    [Fact]
    public async Task Changed_rows_are_in_force_after_the_next_reload()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));
        await _refresher.StartAsync(CancellationToken.None);
        StoreReturns(TestPolicies.Stored(TestPolicies.Items() with { AllowedOrigins = ["https://other.example.com"] }, "W/\"2\""));

        Assert.Equal(Interval, await RunNextReloadAsync(1));
        await _time.WaitForTimerAsync(2);

        var policy = _refresher.Current.Policies.Resolve("/api/items").Policy!;
        Assert.True(policy.EvaluateActualRequest("https://other.example.com").IsAllowed);
        Assert.False(policy.EvaluateActualRequest(TestPolicies.TrustedOrigin).IsAllowed);
    }

    [Fact]
    public async Task Refresh_on_demand_swaps_the_snapshot_at_once()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()));
        await _refresher.StartAsync(CancellationToken.None);
        StoreReturns();

        Assert.True(await _refresher.RefreshAsync(CancellationToken.None));

        Assert.Empty(_refresher.Current.Policies.Entries);
    }

    [Fact]
    public async Task Invalid_row_fails_closed_on_its_routes_without_affecting_other_policies()
    {
        var broken = TestPolicies.Stored(TestPolicies.Items("broken", "/api/broken"), "W/\"1\"",
            new PolicyError(PolicyErrorCodes.StoredWrongType, "MaxAgeSeconds", "abc", "must be an Int32."));
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()), broken);

        await _refresher.StartAsync(CancellationToken.None);

        var set = _refresher.Current.Policies;
        Assert.Equal(CorsRejection.InvalidPolicy, set.Resolve("/api/broken").Rejection);
        Assert.True(set.Resolve("/api/items").Policy!.EvaluateActualRequest(TestPolicies.TrustedOrigin).IsAllowed);
        var error = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 2004);
        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAgeSeconds abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_values_cannot_forge_log_lines_through_the_invalid_policy_log()
    {
        var forged = "abc\r\n2026-12-03 fake: policy ok\u0007";
        var broken = TestPolicies.Stored(TestPolicies.Items("broken\nid", "/api/broken"), "W/\"1\"",
            new PolicyError(PolicyErrorCodes.StoredWrongType, "MaxAgeSeconds", forged, "must be an Int32."));
        StoreReturns(broken);

        await _refresher.StartAsync(CancellationToken.None);

        var errors = _logs.GetSnapshot().Where(r => r.Id.Id is 2004 or 2005).ToList();
        Assert.Equal(2, errors.Count); // the stored value's error and the id's own
        Assert.All(errors, error => Assert.DoesNotContain(error.Message, c => char.IsControl(c)));
        Assert.Contains(errors, error => error.Message.Contains("broken?id is invalid", StringComparison.Ordinal)
            && error.Message.Contains("abc??2026-12-03 fake: policy ok?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_row_is_logged_once_per_change_and_its_repair_is_logged()
    {
        var invalid = TestPolicies.Items("broken", "/api/broken") with { AllowedOrigins = ["https://x.example.com/path"] };
        StoreReturns(TestPolicies.Stored(invalid, "W/\"1\""));
        await _refresher.StartAsync(CancellationToken.None);
        await RunNextReloadAsync(1);
        await _time.WaitForTimerAsync(2);
        Assert.Equal(1, LoggedEvent(2004));

        StoreReturns(TestPolicies.Stored(invalid with { AllowedMethods = ["PUT"] }, "W/\"2\""));
        await RunNextReloadAsync(2);
        await _time.WaitForTimerAsync(3);
        Assert.Equal(2, LoggedEvent(2004));

        StoreReturns(TestPolicies.Stored(TestPolicies.Items("broken", "/api/broken"), "W/\"3\""));
        await RunNextReloadAsync(3);
        await _time.WaitForTimerAsync(4);
        Assert.Equal(1, LoggedEvent(2006));
        Assert.Equal(2, LoggedEvent(2004));
    }

    [Fact]
    public async Task Row_without_a_readable_route_is_skipped_and_logged()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items("noroutes") with { Routes = ["items"] }));

        await _refresher.StartAsync(CancellationToken.None);

        Assert.Single(_refresher.Current.Policies.Skipped);
        Assert.Equal(1, LoggedEvent(2005));
    }

    [Fact]
    public async Task Route_conflicts_are_logged_once()
    {
        StoreReturns(TestPolicies.Stored(TestPolicies.Items("a")), TestPolicies.Stored(TestPolicies.Items("b")));
        await _refresher.StartAsync(CancellationToken.None);
        await RunNextReloadAsync(1);
        await _time.WaitForTimerAsync(2);

        Assert.Equal(2, LoggedEvent(2007));
        Assert.Equal(0, Logged(LogLevel.Error));
    }

    [Fact]
    public async Task Metrics_count_reloads_and_report_snapshot_age_and_invalid_policies()
    {
        using var refreshes = new MetricCollector<long>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.RefreshesInstrument);
        using var age = new MetricCollector<double>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.SnapshotAgeInstrument);
        using var invalid = new MetricCollector<int>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.InvalidInstrument);
        StoreReturns(TestPolicies.Stored(TestPolicies.Items()), TestPolicies.Stored(TestPolicies.Items("noroutes") with { Routes = [] }));
        await _refresher.StartAsync(CancellationToken.None);
        StoreFails();
        await RunNextReloadAsync(1);
        await _time.WaitForTimerAsync(2);
        _time.Advance(TimeSpan.FromSeconds(5));

        age.RecordObservableInstruments();
        invalid.RecordObservableInstruments();

        var outcomes = refreshes.GetMeasurementSnapshot().Select(m => m.Tags["cors.refresh.outcome"]).ToList();
        Assert.Equal(["success", "failure"], outcomes);
        Assert.Equal(35, age.LastMeasurement!.Value);
        Assert.Equal(1, invalid.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Before_the_first_load_the_snapshot_age_counts_from_startup_so_an_age_alert_catches_a_store_that_never_answers()
    {
        using var age = new MetricCollector<double>(MeterFactory, CorsFunctionsTelemetry.MeterName, PolicySnapshotMetrics.SnapshotAgeInstrument);
        StoreFails();
        await _refresher.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(95));

        age.RecordObservableInstruments();

        Assert.False(_refresher.Current.IsLoaded);
        Assert.Equal(95, age.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Startup_does_not_wait_longer_than_the_startup_bound_for_a_hanging_store()
    {
        var pending = new TaskCompletionSource<IReadOnlyList<StoredPolicy>>();
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(pending.Task);

        var start = _refresher.StartAsync(CancellationToken.None);
        Assert.Equal(PolicySnapshotRefresher.StartupWait, await _time.WaitForTimerAsync(1));
        Assert.False(start.IsCompleted);
        _time.Advance(PolicySnapshotRefresher.StartupWait);
        await start;

        Assert.False(_refresher.Current.IsLoaded);
        pending.SetResult([TestPolicies.Stored(TestPolicies.Items())]);
        await _time.WaitForTimerAsync(2);
        Assert.True(_refresher.Current.IsLoaded);
    }
}
