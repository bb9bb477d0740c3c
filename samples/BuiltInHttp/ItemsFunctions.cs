using System.Net;
using System.Text.Json;
using CorsFunctions.Samples.Items;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Samples.BuiltInHttp;

/// <summary>
/// The items API in the built-in HTTP model. Nothing here knows about CORS: each trigger keeps its function key
/// and lists its methods, none lists <c>options</c> (preflights go to the package's <c>CorsPreflight</c>).
/// </summary>
public sealed class ItemsFunctions(ItemCatalog catalog)
{
    private const string Collection = "items";
    private const string Single = "items/{id}";

    /// <summary><c>GET /api/items</c>: every item.</summary>
    [Function("ListItems")]
    public async Task<HttpResponseData> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Collection)] HttpRequestData request) =>
        await JsonAsync(request, HttpStatusCode.OK, catalog.All());

    /// <summary><c>GET /api/items/{id}</c>: one item, or 404.</summary>
    [Function("GetItem")]
    public async Task<HttpResponseData> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Single)] HttpRequestData request, string id) =>
        catalog.Find(id) is { } item
            ? await JsonAsync(request, HttpStatusCode.OK, item)
            : request.CreateResponse(HttpStatusCode.NotFound);

    /// <summary><c>POST /api/items</c>: 201 with the new item and its <c>Location</c>, or 400.</summary>
    [Function("CreateItem")]
    public async Task<HttpResponseData> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Collection)] HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadAsync(request);
        if (body is not { Problem: null, Name: { } name })
        {
            return await ProblemAsync(request, body);
        }

        var item = catalog.Add(name);
        var response = await JsonAsync(request, HttpStatusCode.Created, item);
        response.Headers.Add("Location", $"{request.Url.AbsolutePath.TrimEnd('/')}/{item.Id}");
        return response;
    }

    /// <summary><c>PUT /api/items/{id}</c>: 201 when created, 200 when replaced, 400 for a bad body.</summary>
    [Function("PutItem")]
    public async Task<HttpResponseData> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Single)] HttpRequestData request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadAsync(request);
        if (body is not { Problem: null, Name: { } name })
        {
            return await ProblemAsync(request, body);
        }

        var status = catalog.Put(id, name) ? HttpStatusCode.Created : HttpStatusCode.OK;
        return await JsonAsync(request, status, new Item(id, name));
    }

    /// <summary><c>DELETE /api/items/{id}</c>: 204, or 404 when there was no such item.</summary>
    [Function("DeleteItem")]
    public HttpResponseData Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Single)] HttpRequestData request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CreateResponse(catalog.Remove(id) ? HttpStatusCode.NoContent : HttpStatusCode.NotFound);
    }

    private static async Task<ItemBody?> ReadAsync(HttpRequestData request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<ItemBody>(request.Body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<HttpResponseData> ProblemAsync(HttpRequestData request, ItemBody? body)
    {
        var response = request.CreateResponse(HttpStatusCode.BadRequest);
        await response.WriteStringAsync(body?.Problem ?? ItemBody.NotJsonProblem);
        return response;
    }

    private static async Task<HttpResponseData> JsonAsync<T>(HttpRequestData request, HttpStatusCode status, T value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse();
        await response.WriteAsJsonAsync(value);
        response.StatusCode = status;
        return response;
    }
}
