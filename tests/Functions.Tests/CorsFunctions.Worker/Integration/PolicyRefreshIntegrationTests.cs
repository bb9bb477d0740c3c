using Azure.Data.Tables;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Worker.Policies;
using static CorsFunctions.Functions.Tests.Integration.RefreshHarness;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>
/// The refresh against Azurite, through the real store, mapper and the app's retries: what an unchanged refresh reads,
/// when a hand edit is picked up, and that the change marker row is no policy for the app, the CLI or the audit.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class PolicyRefreshIntegrationTests(AzuriteFixture azurite) : IDisposable
{

    private readonly RefreshHarness _harness = new(azurite);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task An_unchanged_set_costs_one_point_read_per_refresh_and_a_push_is_read_at_the_next()
    {
        var table = await _harness.SeededTableAsync();
        using var refresher = _harness.Refresher(table, out var options);
        await RefreshAsync(refresher);
        var first = refresher.Current.Policies;

        var before = _harness.Requests.Attempts;
        await RefreshAsync(refresher);
        await RefreshAsync(refresher);
        Assert.Equal(2, _harness.Requests.Attempts - before);
        Assert.Same(first, refresher.Current.Policies);

        await PushAsync(table, """{ "policies": [{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://pushed.example.com"] }] }""");
        await RefreshAsync(refresher);
        Assert.True(refresher.Current.Policies.Resolve("/api/items").Policy!.EvaluateActualRequest("https://pushed.example.com").IsAllowed);
        Assert.True(options.FullReloadMinutes > 1);
    }

    [Fact]
    public async Task A_row_edited_by_hand_is_in_force_after_the_full_reload_interval_and_only_its_policy_is_recompiled()
    {
        var table = await _harness.SeededTableAsync();
        using var refresher = _harness.Refresher(table, out var options);
        await RefreshAsync(refresher);
        var before = refresher.Current.Policies.Entries.ToDictionary(e => e.Id, e => e.Compilation);
        var entity = (await table.GetEntityAsync<TableEntity>(PolicySet, "items")).Value;
        entity["AllowedOrigins"] = "https://hand.example.com";
        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);
        await table.AddEntityAsync(new TableEntity(PolicySet, "broken") { ["Routes"] = "/api/broken", ["AllowedOrigins"] = "https://x.example.com", ["MaxAgeSeconds"] = "abc" });

        _harness.Time.Advance(TimeSpan.FromMinutes(options.FullReloadMinutes) - TimeSpan.FromSeconds(1));
        await RefreshAsync(refresher);
        Assert.False(refresher.Current.Policies.Resolve("/api/items").Policy!.EvaluateActualRequest("https://hand.example.com").IsAllowed);

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await RefreshAsync(refresher);
        var set = refresher.Current.Policies;
        Assert.True(set.Resolve("/api/items").Policy!.EvaluateActualRequest("https://hand.example.com").IsAllowed);
        Assert.Equal(CorsRejection.InvalidPolicy, set.Resolve("/api/broken").Rejection);
        foreach (var entry in set.Entries.Where(e => e.Id is not ("items" or "broken")))
        {
            Assert.Same(before[entry.Id], entry.Compilation);
        }
    }

    [Fact]
    public async Task The_change_marker_row_is_no_policy_for_the_store_the_snapshot_the_cli_or_the_audit()
    {
        var table = await _harness.SeededTableAsync();
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(PolicySet, TablePolicyStore.ChangeMarkerRowKey);
        Assert.True(marker.HasValue, "the push wrote no change marker");
        var store = Store(table);
        using var refresher = _harness.Refresher(table, out _);
        await RefreshAsync(refresher);

        var ids = (await store.ListAsync(CancellationToken.None)).Select(p => p.Definition.Id).ToList();
        Assert.DoesNotContain(TablePolicyStore.ChangeMarkerRowKey, ids);
        Assert.Null(await store.GetAsync(TablePolicyStore.ChangeMarkerRowKey, CancellationToken.None));
        Assert.Equal(ids.Order(StringComparer.Ordinal), refresher.Current.Policies.Entries.Select(e => e.Id));
        Assert.Empty(refresher.Current.Policies.Skipped);

        // pull writes back exactly the policies, and a diff of the samples against the table finds nothing to change.
        var pulled = new StringWriter();
        Assert.Equal(0, await _harness.Cli(table, pulled, "pull"));
        Assert.DoesNotContain(TablePolicyStore.ChangeMarkerRowKey, pulled.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await _harness.Cli(table, TextWriter.Null, "diff", "--file", SamplesFile));
        Assert.Equal(0, await _harness.Cli(table, TextWriter.Null, "history", "--id", "items"));
    }

    private async Task PushAsync(TableClient table, string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            Assert.Equal(0, await _harness.Cli(table, TextWriter.Null, "push", "--file", file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
