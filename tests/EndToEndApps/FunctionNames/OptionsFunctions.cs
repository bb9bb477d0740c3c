using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.EndToEndApps.FunctionNames;

/// <summary>
/// Three functions whose routes accept OPTIONS, each behind a function key. Only <c>Basket</c> sorts before
/// <c>CorsPreflight</c>, so only its route's preflights reach it (and fail on the missing key).
/// </summary>
public static class OptionsFunctions
{
    /// <summary>No methods (every method), sorts before CorsPreflight.</summary>
    [Function("Basket")]
    public static HttpResponseData Basket([HttpTrigger(AuthorizationLevel.Function, Route = "basket")] HttpRequestData request) =>
        Answer(request, nameof(Basket));

    /// <summary>No methods (every method), sorts after CorsPreflight.</summary>
    [Function("Ping")]
    public static HttpResponseData Ping([HttpTrigger(AuthorizationLevel.Function, Route = "ping")] HttpRequestData request) =>
        Answer(request, nameof(Ping));

    /// <summary>Lists <c>options</c>, sorts after CorsPreflight.</summary>
    [Function("Widgets")]
    public static HttpResponseData Widgets([HttpTrigger(AuthorizationLevel.Function, "get", "options", Route = "widgets")] HttpRequestData request) =>
        Answer(request, nameof(Widgets));

    private static HttpResponseData Answer(HttpRequestData request, string function)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.WriteString(function);
        return response;
    }
}
