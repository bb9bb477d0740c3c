using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.App.Api;

/// <summary>
/// A sample API protected by the CORS middleware: ordinary functions with auth level Function that do not
/// list <c>options</c> (their preflights go to the library's <c>CorsPreflight</c> function) and know nothing about CORS.
/// </summary>
public sealed class ItemsFunction(ItemStore store)
{
    /// <summary>The longest accepted item name.</summary>
    public const int MaxNameLength = 200;

    private const string CollectionRoute = "items";
    private const string ItemRoute = "items/{id}";

    /// <summary><c>GET /api/items</c>: every item.</summary>
    [Function("ListItems")]
    public Task<HttpResponseData> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CollectionRoute)] HttpRequestData request) =>
        JsonAsync(request, HttpStatusCode.OK, store.List(), ItemsJsonContext.Default.IReadOnlyListItem);

    /// <summary><c>GET /api/items/{id}</c>: one item, or 404.</summary>
    [Function("GetItem")]
    public Task<HttpResponseData> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ItemRoute)] HttpRequestData request, string id) =>
        store.Find(id) is { } item
            ? JsonAsync(request, HttpStatusCode.OK, item, ItemsJsonContext.Default.Item)
            : Task.FromResult(request.CreateResponse(HttpStatusCode.NotFound));

    /// <summary><c>POST /api/items</c> with <c>{"name": "..."}</c>: 201 with a new id and its <c>Location</c>, 400 for a bad body.</summary>
    [Function("CreateItem")]
    public async Task<HttpResponseData> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CollectionRoute)] HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (name, refusal) = await ReadNameAsync(request).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var item = new Item(Guid.NewGuid().ToString("N"), name!);
        store.Put(item);
        var response = await JsonAsync(request, HttpStatusCode.Created, item, ItemsJsonContext.Default.Item).ConfigureAwait(false);
        response.Headers.TryAddWithoutValidation("Location", $"{request.Url.AbsolutePath.TrimEnd('/')}/{item.Id}");
        return response;
    }

    /// <summary><c>PUT /api/items/{id}</c> with <c>{"name": "..."}</c>: 201 when created, 200 when replaced, 400 for a bad body.</summary>
    [Function("PutItem")]
    public async Task<HttpResponseData> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ItemRoute)] HttpRequestData request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (name, refusal) = await ReadNameAsync(request).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var item = new Item(id, name!);
        var status = store.Put(item) ? HttpStatusCode.Created : HttpStatusCode.OK;
        return await JsonAsync(request, status, item, ItemsJsonContext.Default.Item).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /api/items/{id}</c>: 204, or 404 when there was no such item.</summary>
    [Function("DeleteItem")]
    public HttpResponseData Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ItemRoute)] HttpRequestData request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CreateResponse(store.Delete(id) ? HttpStatusCode.NoContent : HttpStatusCode.NotFound);
    }

    /// <summary>Reads <c>{"name": "..."}</c>: the name, or the 400 answer that refuses the body.</summary>
    private static async Task<(string? Name, HttpResponseData? Refusal)> ReadNameAsync(HttpRequestData request)
    {
        ItemBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ItemsJsonContext.Default.ItemBody).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return (null, await TextAsync(request, HttpStatusCode.BadRequest, "The body must be JSON: {\"name\": \"...\"}.").ConfigureAwait(false));
        }

        return string.IsNullOrWhiteSpace(body?.Name) || body.Name.Length > MaxNameLength
            ? (null, await TextAsync(request, HttpStatusCode.BadRequest, $"'name' is required, at most {MaxNameLength} characters.").ConfigureAwait(false))
            : (body.Name, null);
    }

    private static async Task<HttpResponseData> JsonAsync<T>(HttpRequestData request, HttpStatusCode status, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(status);
        response.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        await JsonSerializer.SerializeAsync(response.Body, value, typeInfo).ConfigureAwait(false);
        return response;
    }

    private static async Task<HttpResponseData> TextAsync(HttpRequestData request, HttpStatusCode status, string text)
    {
        var response = request.CreateResponse(status);
        response.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=utf-8");
        await response.WriteStringAsync(text).ConfigureAwait(false);
        return response;
    }
}
