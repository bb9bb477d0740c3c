using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>
/// What a refresh reads and recompiles: only the change marker while nothing was written, only the rows the marker's log
/// names when something was (every row when the log cannot say), and every row once the full-reload interval has passed
/// (rows edited by hand). Only new and changed rows are compiled.
/// </summary>
public sealed class IncrementalRefreshTests : IDisposable
{
    private static readonly CorsPolicyOptions s_options = new() { RefreshSeconds = 30, FullReloadMinutes = 5 };

    private readonly RecordingTimeProvider _time = new();
    private readonly InMemoryPolicyStore _store = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly PolicySnapshotPipeline _pipeline;

    public IncrementalRefreshTests()
    {
        _pipeline = new PolicySnapshotPipeline(_store, s_options, _time, _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        _store.Seed(TestPolicies.Items("a", "/a"));
        _store.Seed(TestPolicies.Items("b", "/b"));
        _store.Seed(TestPolicies.Items("c", "/c"));
        // As the pipeline's last write left the marker: with a log, so the first load knows the version it applied.
        _store.MarkChangedAsync("c", CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _pipeline.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task An_unchanged_set_reads_only_the_change_marker_and_keeps_every_compilation()
    {
        await RefreshAsync();
        var first = _pipeline.Current.Policies;

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await RefreshAsync();
        }

        Assert.Equal(1, _store.Lists);
        Assert.Same(first, _pipeline.Current.Policies);
        Assert.Equal(_time.GetUtcNow(), _pipeline.Current.LoadedAt);
    }

    [Fact]
    public async Task One_changed_row_recompiles_that_row_alone()
    {
        await RefreshAsync();
        var before = Compilations();

        _store.Seed(TestPolicies.Items("b", "/b") with { MaxAgeSeconds = 60 });
        await MarkChangedAsync("b");
        await RefreshAsync();

        var after = Compilations();
        Assert.Equal((1, 1), (_store.Lists, _store.Gets));
        Assert.Same(before["a"], after["a"]);
        Assert.Same(before["c"], after["c"]);
        Assert.NotSame(before["b"], after["b"]);
        Assert.Equal(60, after["b"].Definition.MaxAgeSeconds);
    }

    [Fact]
    public async Task A_marker_that_moved_without_a_row_change_reads_the_named_row_and_keeps_the_set()
    {
        await RefreshAsync();
        var first = _pipeline.Current.Policies;

        await MarkChangedAsync("b");
        await RefreshAsync();

        Assert.Equal((1, 1), (_store.Lists, _store.Gets));
        Assert.Same(first, _pipeline.Current.Policies);
    }

    [Fact]
    public async Task Several_writes_between_refreshes_read_each_named_row_once()
    {
        await RefreshAsync();
        _store.Seed(TestPolicies.Items("a", "/a") with { MaxAgeSeconds = 61 });
        _store.Seed(TestPolicies.Items("d", "/d"));
        await MarkChangedAsync("a");
        await MarkChangedAsync("d");
        await MarkChangedAsync("a");
        await RefreshAsync();

        Assert.Equal((1, 2), (_store.Lists, _store.Gets));
        Assert.Equal(61, Compilations()["a"].Definition.MaxAgeSeconds);
        Assert.Equal("d", _pipeline.Current.Policies.Resolve("/d").PolicyId);
    }

    [Fact]
    public async Task More_writes_than_the_marker_lists_since_the_last_refresh_read_every_row()
    {
        await RefreshAsync();
        _store.Seed(TestPolicies.Items("a", "/a") with { MaxAgeSeconds = 62 });
        await MarkChangedAsync("a");
        for (var i = 0; i < PolicyChangeLog.Capacity; i++)
        {
            await MarkChangedAsync("c");
        }

        await RefreshAsync();

        Assert.Equal((2, 0), (_store.Lists, _store.Gets));
        Assert.Equal(62, Compilations()["a"].Definition.MaxAgeSeconds);

        // Back on the log: the full read applied the marker's version.
        _store.Seed(TestPolicies.Items("c", "/c") with { MaxAgeSeconds = 63 });
        await MarkChangedAsync("c");
        await RefreshAsync();
        Assert.Equal((2, 1), (_store.Lists, _store.Gets));
        Assert.Equal(63, Compilations()["c"].Definition.MaxAgeSeconds);
    }

    [Fact]
    public async Task A_marker_without_a_log_reads_every_row_and_so_does_the_first_logged_write_after_it()
    {
        await RefreshAsync();
        _store.Seed(TestPolicies.Items("a", "/a") with { MaxAgeSeconds = 64 });
        _store.MoveMarkerWithoutLog();
        await RefreshAsync();
        Assert.Equal((2, 0), (_store.Lists, _store.Gets));
        Assert.Equal(64, Compilations()["a"].Definition.MaxAgeSeconds);

        // The version applied is unknown until a full read sees a log.
        await MarkChangedAsync("b");
        await RefreshAsync();
        await MarkChangedAsync("b");
        await RefreshAsync();
        Assert.Equal((3, 1), (_store.Lists, _store.Gets));
    }

    [Fact]
    public async Task A_point_read_that_fails_keeps_the_set_and_is_retried_at_the_next_refresh()
    {
        await RefreshAsync();
        var first = _pipeline.Current.Policies;
        _store.Seed(TestPolicies.Items("a", "/a") with { AllowedOrigins = ["https://changed.example.com"] });
        _store.Seed(TestPolicies.Items("b", "/b") with { AllowedOrigins = ["https://changed.example.com"] });
        await MarkChangedAsync("a");
        await MarkChangedAsync("b");
        _store.FailGetsAfter = 1;

        Assert.False(await _pipeline.RefreshAsync(CancellationToken.None));
        Assert.Same(first, _pipeline.Current.Policies);
        _store.FailGetsAfter = null;
        await RefreshAsync();

        Assert.True(IsAllowed("/a", "https://changed.example.com"));
        Assert.True(IsAllowed("/b", "https://changed.example.com"));
        Assert.Equal(1, _store.Lists);
    }

    [Fact]
    public async Task A_deleted_row_leaves_the_set_and_its_routes()
    {
        await RefreshAsync();
        Assert.Equal("b", _pipeline.Current.Policies.Resolve("/b").PolicyId);

        _store.RemoveRow("b");
        await MarkChangedAsync("b");
        await RefreshAsync();

        Assert.Equal((1, 1), (_store.Lists, _store.Gets));
        Assert.Equal(["a", "c"], _pipeline.Current.Policies.Entries.Select(e => e.Id));
        Assert.Equal(CorsRejection.NoPolicy, _pipeline.Current.Policies.Resolve("/b").Rejection);
    }

    [Fact]
    public async Task A_row_broken_by_a_change_fails_closed_on_its_routes_only()
    {
        await RefreshAsync();
        var before = Compilations();

        _store.Seed(TestPolicies.Items("b", "/b") with { AllowedOrigins = ["https://*.com"] });
        await MarkChangedAsync("b");
        await RefreshAsync();

        var set = _pipeline.Current.Policies;
        Assert.Equal(CorsRejection.InvalidPolicy, set.Resolve("/b").Rejection);
        Assert.Equal(CorsRejection.None, set.Resolve("/a").Rejection);
        Assert.Equal(CorsRejection.None, set.Resolve("/c").Rejection);
        Assert.Same(before["a"], Compilations()["a"]);
    }

    [Fact]
    public async Task A_row_edited_out_of_band_is_in_force_once_the_full_reload_interval_has_passed()
    {
        await RefreshAsync();
        _store.Seed(TestPolicies.Items("a", "/a") with { AllowedOrigins = ["https://hand-edited.example.com"] });
        _store.RemoveRow("c");

        _time.Advance(s_options.FullReloadInterval - TimeSpan.FromSeconds(1));
        await RefreshAsync();
        Assert.False(IsAllowed("/a", "https://hand-edited.example.com"));
        Assert.Equal("c", _pipeline.Current.Policies.Resolve("/c").PolicyId);

        _time.Advance(TimeSpan.FromSeconds(1));
        await RefreshAsync();
        Assert.True(IsAllowed("/a", "https://hand-edited.example.com"));
        Assert.Equal(CorsRejection.NoPolicy, _pipeline.Current.Policies.Resolve("/c").Rejection);
        Assert.Equal(2, _store.Lists);
    }

    [Fact]
    public async Task The_full_reload_interval_counts_from_the_last_full_read_not_the_last_refresh()
    {
        await RefreshAsync();
        _time.Advance(TimeSpan.FromMinutes(3));
        _store.MoveMarkerWithoutLog();
        await RefreshAsync();

        _time.Advance(TimeSpan.FromMinutes(4));
        await RefreshAsync();
        Assert.Equal(2, _store.Lists);

        _time.Advance(TimeSpan.FromMinutes(1));
        await RefreshAsync();
        Assert.Equal(3, _store.Lists);
    }

    [Fact]
    public async Task A_full_read_that_fails_after_the_marker_moved_is_retried_at_the_next_refresh()
    {
        await RefreshAsync();
        _store.Seed(TestPolicies.Items("a", "/a") with { AllowedOrigins = ["https://changed.example.com"] });
        _store.MoveMarkerWithoutLog();
        _store.FailListsOnly = new Azure.RequestFailedException(503, "busy");

        Assert.False(await _pipeline.RefreshAsync(CancellationToken.None));
        _store.FailListsOnly = null;
        await RefreshAsync();

        Assert.True(IsAllowed("/a", "https://changed.example.com"));
    }

    private async Task RefreshAsync() => Assert.True(await _pipeline.RefreshAsync(CancellationToken.None));

    private Task MarkChangedAsync(string id) => _store.MarkChangedAsync(id, CancellationToken.None);

    private Dictionary<string, PolicyCompilation> Compilations() =>
        _pipeline.Current.Policies.Entries.ToDictionary(e => e.Id, e => e.Compilation, StringComparer.Ordinal);

    private bool IsAllowed(string path, string origin) =>
        _pipeline.Current.Policies.Resolve(path).Policy?.EvaluateActualRequest(origin).IsAllowed == true;
}
