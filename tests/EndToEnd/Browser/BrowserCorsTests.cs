using System.Net;
using System.Net.Http.Json;
using CorsFunctions.EndToEnd.Fixtures;
using Microsoft.Playwright;
using static CorsFunctions.EndToEnd.Fixtures.SeededPolicies;

namespace CorsFunctions.EndToEnd.Browser;

/// <summary>
/// Headless Chromium on the page origin (http://localhost:P) calling the API origin (http://127.0.0.1:Q):
/// what the page can do is decided by the browser from the headers the real worker sent.
/// Each test gets a new browser context, so no preflight cache is shared between cases.
/// </summary>
public abstract class BrowserCorsTests(EndToEndFixture fixture) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync();
        _page = await _context.NewPageAsync();
        await _page.GotoAsync(fixture.Page.Origin.ToString());
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Fact]
    public async Task Page_can_send_a_custom_header_the_policy_allows()
    {
        var outcome = await FetchAsync(ItemsCollection, new { headers = new Dictionary<string, string> { ["X-Auth-Token"] = "t" } });

        AssertResolved(outcome, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Page_cannot_send_a_custom_header_the_policy_does_not_allow()
    {
        var outcome = await FetchAsync(ItemsCollection, new { headers = new Dictionary<string, string> { ["X-Other"] = "1" } });

        AssertBlocked(outcome);
    }

    [Fact]
    public async Task Page_can_put_json_where_the_policy_allows_put_and_content_type()
    {
        var outcome = await FetchAsync(Item(Guid.NewGuid().ToString("N")), new
        {
            method = "PUT",
            headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            body = """{"name":"from the browser"}""",
        });

        AssertResolved(outcome, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Page_cannot_delete_where_the_policy_does_not_allow_delete_and_the_item_survives()
    {
        var id = Guid.NewGuid().ToString("N");
        using (var created = await fixture.Api.PutAsJsonAsync(KeyedUrl(Item(id)), new { name = "keep me" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var outcome = await FetchAsync(Item(id), new { method = "DELETE" });

        AssertBlocked(outcome);
        using var stillThere = await fixture.Api.GetAsync(KeyedUrl(Item(id)));
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Credentialed_fetch_succeeds_where_the_policy_allows_credentials()
    {
        var outcome = await FetchAsync(ItemsCollection, new { credentials = "include" });

        AssertResolved(outcome, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Credentialed_fetch_is_blocked_where_the_policy_does_not_allow_credentials()
    {
        var path = Item("no-such-item");
        var anonymous = await FetchAsync(path, new { credentials = "omit" });
        var credentialed = await FetchAsync(path, new { credentials = "include" });

        AssertResolved(anonymous, HttpStatusCode.NotFound);
        AssertBlocked(credentialed);
    }

    [Fact]
    public async Task Page_can_read_a_response_header_the_policy_exposes()
    {
        var outcome = await FetchAsync(ItemsCollection, new { }, ExposedHeader);

        AssertResolved(outcome, HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(outcome.Header), $"{ExposedHeader} should be readable");
    }

    [Fact]
    public async Task Page_cannot_read_a_response_header_the_policy_does_not_expose()
    {
        var path = Item("no-such-item");
        using var onTheWire = await fixture.Api.GetAsync(KeyedUrl(path));
        var outcome = await FetchAsync(path, new { }, ExposedHeader);

        Assert.True(onTheWire.Headers.Contains(ExposedHeader), $"the response carries {ExposedHeader}");
        AssertResolved(outcome, HttpStatusCode.NotFound);
        Assert.Null(outcome.Header);
    }

    [Fact]
    public async Task Page_can_read_the_answer_to_its_own_OPTIONS_request()
    {
        // Chromium preflights the OPTIONS method first, then sends the OPTIONS itself, which the catch-all answers.
        var outcome = await FetchAsync(OpenRoute, new { method = "OPTIONS" });

        AssertResolved(outcome, HttpStatusCode.NoContent);
    }

    private Task<FetchOutcome> FetchAsync(string path, object init, string? readHeader = null) =>
        PageFetch.RunAsync(_page, new Uri(fixture.ApiBase, KeyedUrl(path)), init, readHeader);

    // The key goes in the query: a page would not send x-functions-key without it being allowed as a header.
    private string KeyedUrl(string path) => $"{path}?code={fixture.FunctionKey}";

    private static void AssertResolved(FetchOutcome outcome, HttpStatusCode status)
    {
        Assert.True(outcome.Resolved, $"fetch was blocked: {outcome.Error}");
        Assert.Equal((int)status, outcome.Status);
    }

    private static void AssertBlocked(FetchOutcome outcome)
    {
        Assert.False(outcome.Resolved, $"fetch resolved with {outcome.Status}; the browser should have blocked it");
        Assert.StartsWith("TypeError", outcome.Error, StringComparison.Ordinal);
    }
}
