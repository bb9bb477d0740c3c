using CorsFunctions.Core.Evaluation;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies;
using static CorsFunctions.Functions.Tests.Integration.RefreshHarness;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>
/// The change marker's log against Azurite, through the real store, mapper and the app's retries: a refresh after a write
/// reads the marker and the written row and nothing else; a delete removes the policy; more writes than the log holds
/// send the refresh to a full read; concurrent writers each get their entry in the log.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class ChangeLogIntegrationTests(AzuriteFixture azurite) : IDisposable
{
    private const string MarkerRead = $"GET (PartitionKey='{PolicySet}',RowKey='{TablePolicyStore.ChangeMarkerRowKey}')";

    private readonly RefreshHarness _harness = new(azurite);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_write_through_the_store_is_read_back_with_the_marker_and_that_row_alone()
    {
        var table = await _harness.SeededTableAsync();
        using var refresher = _harness.Refresher(table);
        await RefreshAsync(refresher);
        var before = refresher.Current.Policies.Entries.ToDictionary(e => e.Id, e => e.Compilation);

        var writer = Store(table);
        var items = (await writer.GetAsync("items", CancellationToken.None))!.Definition;
        await writer.SaveAsync(items with { AllowedOrigins = ["https://written.example.com"] }, 0, WriteCondition.None, CancellationToken.None);
        await writer.MarkChangedAsync("items", CancellationToken.None);
        var sentBefore = _harness.Requests.Sent.Count;
        await RefreshAsync(refresher);

        Assert.Equal([MarkerRead, $"GET (PartitionKey='{PolicySet}',RowKey='items')"], RequestPaths(sentBefore));
        var set = refresher.Current.Policies;
        Assert.True(set.Resolve("/api/items").Policy!.EvaluateActualRequest("https://written.example.com").IsAllowed);
        Assert.Same(before["public-read"], set.Entries.Single(e => e.Id == "public-read").Compilation);
    }

    [Fact]
    public async Task A_delete_through_the_store_removes_the_policy_with_one_point_read()
    {
        var table = await _harness.SeededTableAsync();
        using var refresher = _harness.Refresher(table);
        await RefreshAsync(refresher);
        Assert.Equal("items", refresher.Current.Policies.Resolve("/api/items").PolicyId);

        var writer = Store(table);
        await writer.DeleteAsync("items", null, CancellationToken.None);
        await writer.MarkChangedAsync("items", CancellationToken.None);
        var sentBefore = _harness.Requests.Sent.Count;
        await RefreshAsync(refresher);

        Assert.Equal(2, _harness.Requests.Sent.Count - sentBefore);
        Assert.Equal(CorsRejection.NoPolicy, refresher.Current.Policies.Resolve("/api/items").Rejection);
        Assert.Equal("public-read", refresher.Current.Policies.Resolve("/api/public/x").PolicyId);
    }

    [Fact]
    public async Task More_writes_than_the_log_holds_since_the_last_refresh_read_every_row()
    {
        var table = await _harness.SeededTableAsync();
        using var refresher = _harness.Refresher(table);
        await RefreshAsync(refresher);

        var writer = Store(table);
        var items = (await writer.GetAsync("items", CancellationToken.None))!.Definition;
        await writer.SaveAsync(items with { AllowedOrigins = ["https://gap.example.com"] }, 0, WriteCondition.None, CancellationToken.None);
        for (var i = 0; i <= PolicyChangeLog.Capacity; i++)
        {
            await writer.MarkChangedAsync(i == 0 ? "items" : "public-read", CancellationToken.None);
        }

        var sentBefore = _harness.Requests.Sent.Count;
        await RefreshAsync(refresher);

        Assert.Contains(RequestPaths(sentBefore), r => r.Contains("$filter=", StringComparison.Ordinal));
        Assert.DoesNotContain(RequestPaths(sentBefore), r => r.Contains("RowKey='items'", StringComparison.Ordinal));
        Assert.True(refresher.Current.Policies.Resolve("/api/items").Policy!.EvaluateActualRequest("https://gap.example.com").IsAllowed);
    }

    [Fact]
    public async Task Concurrent_writers_each_get_their_entry_in_the_log()
    {
        var table = await _harness.SeededTableAsync();
        var reader = Store(table);
        var before = (await reader.ReadChangeMarkerAsync(CancellationToken.None))!.Log!;

        // Two writers with their own clients, as two instances of the management API would be.
        const int WritesEach = 6;
        await Task.WhenAll(new[] { "items", "public-read" }.Select(id => Task.Run(async () =>
        {
            var writer = Store(azurite.Client(table, ProductionRetries.WithShortDelays()));
            for (var i = 0; i < WritesEach; i++)
            {
                await writer.MarkChangedAsync(id, CancellationToken.None);
            }
        })));

        var after = (await reader.ReadChangeMarkerAsync(CancellationToken.None))!.Log;
        Assert.NotNull(after);
        Assert.Equal(before.Version + (2 * WritesEach), after.Version);
        var written = after.Recent.Where(r => r.Version > before.Version).Select(r => r.Id).ToList();
        Assert.Equal(WritesEach, written.Count(id => id == "items"));
        Assert.Equal(WritesEach, written.Count(id => id == "public-read"));
    }

    /// <summary>The requests sent since <paramref name="from"/> as method and entity (<c>GET (PartitionKey='…',RowKey='…')</c>), a query as its whole path.</summary>
    private string[] RequestPaths(int from) => [.. _harness.Requests.Sent.Skip(from).Select(Entity)];

    private static string Entity(string request)
    {
        var method = request[..request.IndexOf(' ', StringComparison.Ordinal)];
        var path = request.Split('?')[0];
        var key = path.IndexOf("(PartitionKey=", StringComparison.Ordinal);
        return key < 0 ? request : $"{method} {path[key..]}";
    }
}
