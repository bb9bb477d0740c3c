using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.EndToEnd.AspNetCoreApp;

/// <summary>
/// The items API of src/Functions/App in the ASP.NET Core model, answering in each of the ways that model allows:
/// an <see cref="IActionResult"/> (executed after the middleware returned), an <see cref="HttpResponseData"/> over
/// the HttpContext, and writing to <see cref="HttpResponse"/> directly (the response starts inside the function).
/// </summary>
internal sealed class ItemsFunctions(ConcurrentDictionary<string, string> items)
{
    private const string CollectionRoute = "items";
    private const string ItemRoute = "items/{id}";

    /// <summary><c>GET /api/items</c>: an IActionResult.</summary>
    [Function("ListItems")]
    public IActionResult List([HttpTrigger(AuthorizationLevel.Function, "get", Route = CollectionRoute)] HttpRequest request) =>
        new OkObjectResult(items.Select(item => new Item(item.Key, item.Value)).OrderBy(item => item.Id, StringComparer.Ordinal).ToList());

    /// <summary><c>POST /api/items</c>: an IActionResult with a Location header.</summary>
    [Function("CreateItem")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = CollectionRoute)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ReadNameAsync(request) is not { } name)
        {
            return new BadRequestObjectResult("'name' is required.");
        }

        var item = new Item(Guid.NewGuid().ToString("N"), name);
        items[item.Id] = item.Name;
        return new CreatedResult($"{request.Path}/{item.Id}", item);
    }

    /// <summary><c>GET /api/items/{id}</c>: an HttpResponseData, which in this model writes to the HttpContext.</summary>
    [Function("GetItem")]
    public async Task<HttpResponseData> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = ItemRoute)] HttpRequestData request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!items.TryGetValue(id, out var name))
        {
            return request.CreateResponse(HttpStatusCode.NotFound);
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(new Item(id, name));
        return response;
    }

    /// <summary><c>PUT /api/items/{id}</c>: written to the HttpResponse directly, which starts it inside the function.</summary>
    [Function("PutItem")]
    public async Task<IActionResult> Put([HttpTrigger(AuthorizationLevel.Function, "put", Route = ItemRoute)] HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.HttpContext.Response;
        if (await ReadNameAsync(request) is not { } name)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsync("'name' is required.");
            return new EmptyResult();
        }

        response.StatusCode = items.TryAdd(id, name) ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        items[id] = name;
        await response.WriteAsJsonAsync(new Item(id, name));
        return new EmptyResult();
    }

    /// <summary><c>DELETE /api/items/{id}</c>: 204 or 404.</summary>
    [Function("DeleteItem")]
    public IActionResult Delete([HttpTrigger(AuthorizationLevel.Function, "delete", Route = ItemRoute)] HttpRequest request, string id) =>
        items.TryRemove(id, out _) ? new NoContentResult() : new NotFoundResult();

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static async Task<string?> ReadNameAsync(HttpRequest request)
    {
        try
        {
            // Whatever the Content-Type says, as the built-in app reads it.
            var body = await System.Text.Json.JsonSerializer.DeserializeAsync<ItemBody>(request.Body, JsonOptions);
            return string.IsNullOrWhiteSpace(body?.Name) ? null : body.Name;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
