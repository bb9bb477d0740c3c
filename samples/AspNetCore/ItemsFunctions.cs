using System.Text.Json;
using CorsFunctions.Samples.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CorsFunctions.Samples.AspNetCore;

/// <summary>
/// The items API in the ASP.NET Core integration model: <see cref="HttpRequest"/> in, <see cref="IActionResult"/> out.
/// Nothing here knows about CORS: each trigger keeps its function key and lists its methods, none lists
/// <c>options</c> (preflights go to the package's <c>CorsPreflight</c>).
/// </summary>
public sealed class ItemsFunctions(ItemCatalog catalog)
{
    private const string Collection = "items";
    private const string Single = "items/{id}";

    /// <summary><c>GET /api/items</c>: every item.</summary>
    [Function("ListItems")]
    public IActionResult List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Collection)] HttpRequest request) =>
        new OkObjectResult(catalog.All());

    /// <summary><c>GET /api/items/{id}</c>: one item, or 404.</summary>
    [Function("GetItem")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Single)] HttpRequest request, string id) =>
        catalog.Find(id) is { } item ? new OkObjectResult(item) : new NotFoundResult();

    /// <summary><c>POST /api/items</c>: 201 with the new item and its <c>Location</c>, or 400.</summary>
    [Function("CreateItem")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Collection)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadAsync(request);
        if (body is not { Problem: null, Name: { } name })
        {
            return Problem(body);
        }

        var item = catalog.Add(name);
        return new CreatedResult($"{request.Path.Value?.TrimEnd('/')}/{item.Id}", item);
    }

    /// <summary><c>PUT /api/items/{id}</c>: 201 when created, 200 when replaced, 400 for a bad body.</summary>
    [Function("PutItem")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Single)] HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadAsync(request);
        if (body is not { Problem: null, Name: { } name })
        {
            return Problem(body);
        }

        var item = new Item(id, name);
        return catalog.Put(id, name)
            ? new ObjectResult(item) { StatusCode = StatusCodes.Status201Created }
            : new OkObjectResult(item);
    }

    /// <summary><c>DELETE /api/items/{id}</c>: 204, or 404 when there was no such item.</summary>
    [Function("DeleteItem")]
    public IActionResult Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Single)] HttpRequest request, string id) =>
        catalog.Remove(id) ? new NoContentResult() : new NotFoundResult();

    private static async Task<ItemBody?> ReadAsync(HttpRequest request)
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

    private static BadRequestObjectResult Problem(ItemBody? body) => new(body?.Problem ?? ItemBody.NotJsonProblem);
}
