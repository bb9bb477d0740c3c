using System.Net;
using CorsFunctions.App.Api;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Functions.Tests.Api;

public sealed class ItemsFunctionTests
{
    private const string Url = "https://app.example.com/api/items";

    private readonly ItemsFunction _items = new(new ItemStore());

    [Fact]
    public async Task PUT_creates_an_item_with_201_then_replaces_it_with_200()
    {
        var created = await Put("42", """{"name":"First"}""");
        var replaced = await Put("42", """{"Name":"Second"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("""{"id":"42","name":"First"}""", created.ReadBody());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("""{"id":"42","name":"Second"}""", replaced.ReadBody());
        Assert.StartsWith("application/json", replaced.WireHeaders()["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GET_lists_every_item_ordered_by_id()
    {
        await Put("b", """{"name":"Bee"}""");
        await Put("a", """{"name":"Ant"}""");

        var list = (FakeHttpResponseData)await _items.List(Request("GET", Url));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("""[{"id":"a","name":"Ant"},{"id":"b","name":"Bee"}]""", list.ReadBody());
    }

    [Fact]
    public async Task GET_by_id_returns_the_item_or_404()
    {
        await Put("7", """{"name":"Seven"}""");

        var found = (FakeHttpResponseData)await _items.Get(Request("GET", $"{Url}/7"), "7");
        var missing = await _items.Get(Request("GET", $"{Url}/8"), "8");

        Assert.Equal("""{"id":"7","name":"Seven"}""", found.ReadBody());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DELETE_answers_204_then_404()
    {
        await Put("9", """{"name":"Nine"}""");

        Assert.Equal(HttpStatusCode.NoContent, _items.Delete(Request("DELETE", $"{Url}/9"), "9").StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, _items.Delete(Request("DELETE", $"{Url}/9"), "9").StatusCode);
    }

    [Fact]
    public async Task POST_creates_an_item_with_a_new_id_201_and_a_Location_that_GET_finds()
    {
        var first = (FakeHttpResponseData)await _items.Create(Request("POST", Url, """{"name":"First"}"""));
        var second = (FakeHttpResponseData)await _items.Create(Request("POST", Url, """{"name":"First"}"""));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var location = first.WireHeaders()["Location"];
        Assert.StartsWith("/api/items/", location, StringComparison.Ordinal);
        var id = location["/api/items/".Length..];
        Assert.Equal($$"""{"id":"{{id}}","name":"First"}""", first.ReadBody());
        Assert.NotEqual(location, second.WireHeaders()["Location"]);
        var found = (FakeHttpResponseData)await _items.Get(Request("GET", $"https://app.example.com{location}"), id);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("""{"name":""}""")]
    [InlineData("[1,2]")]
    public async Task POST_with_a_bad_body_is_refused_with_400_and_stores_nothing(string body)
    {
        var response = await _items.Create(Request("POST", Url, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("[]", ((FakeHttpResponseData)await _items.List(Request("GET", Url))).ReadBody());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"other":"x"}""")]
    [InlineData("[1,2]")]
    public async Task PUT_with_a_bad_body_is_refused_with_400_and_stores_nothing(string body)
    {
        var response = await Put("1", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", response.ReadBody(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _items.Get(Request("GET", $"{Url}/1"), "1")).StatusCode);
    }

    [Fact]
    public async Task PUT_with_a_name_longer_than_the_limit_is_refused()
    {
        var response = await Put("1", $$"""{"name":"{{new string('n', ItemsFunction.MaxNameLength + 1)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static FakeHttpRequestData Request(string method, string url, string? body = null) => new(method, url, body: body);

    private async Task<FakeHttpResponseData> Put(string id, string body) =>
        (FakeHttpResponseData)await _items.Put(Request("PUT", $"{Url}/{id}", body), id);
}
