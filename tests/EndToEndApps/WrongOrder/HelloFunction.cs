using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CorsFunctions.EndToEndApps.WrongOrder;

/// <summary>A plain function of the ASP.NET Core integration model: <see cref="HttpRequest"/> in, <see cref="IActionResult"/> out.</summary>
public static class HelloFunction
{
    /// <summary>The body every call must get.</summary>
    public const string Body = "hello";

    /// <summary><c>GET /api/items</c>: 200 with <see cref="Body"/>.</summary>
    [Function("Hello")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items")] HttpRequest request) =>
        new ContentResult { Content = Body, ContentType = "text/plain", StatusCode = StatusCodes.Status200OK };
}
