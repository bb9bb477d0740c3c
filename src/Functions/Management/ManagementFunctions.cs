using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CorsFunctions.Functions.Management;

/// <summary>
/// The management API (auth level Function: a function or host key is required): <c>cors-policies</c> and
/// <c>cors-check</c> under the <c>api</c> route prefix. Each function only adapts HTTP to a handler.
/// </summary>
internal sealed class ManagementFunctions(PolicyManagementHandler policies, CorsCheckHandler check)
{
    private const string PoliciesRoute = "cors-policies";
    private const string PolicyRoute = "cors-policies/{id}";

    /// <summary>Lists every policy of the set.</summary>
    [Function("CorsPoliciesList")]
    public async Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PoliciesRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        await WriteAsync(request, await policies.ListAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Reads one policy.</summary>
    [Function("CorsPolicyGet")]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken) =>
        await WriteAsync(request, await policies.GetAsync(id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Creates or replaces one policy.</summary>
    [Function("CorsPolicyPut")]
    public async Task<HttpResponseData> PutAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await policies.PutAsync(id, request.Body, Header(request, "If-Match"), Header(request, "If-None-Match"), cancellationToken).ConfigureAwait(false);
        return await WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one policy.</summary>
    [Function("CorsPolicyDelete")]
    public async Task<HttpResponseData> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await policies.DeleteAsync(id, Header(request, "If-Match"), cancellationToken).ConfigureAwait(false);
        return await WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Explains the CORS decision for a request, from the snapshot in force.</summary>
    [Function("CorsCheck")]
    public async Task<HttpResponseData> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cors-check")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await WriteAsync(request, await check.CheckAsync(request.Body, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a handler's result: status, JSON body with its media type, and <c>ETag</c>.</summary>
    internal static async Task<HttpResponseData> WriteAsync(HttpRequestData request, ManagementResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse((System.Net.HttpStatusCode)result.Status);
        if (result.ETag is not null)
        {
            response.Headers.TryAddWithoutValidation("ETag", result.ETag);
        }

        if (result.Body is not null)
        {
            response.Headers.TryAddWithoutValidation("Content-Type", result.IsProblem ? ManagementResult.ProblemContentType : "application/json; charset=utf-8");
            await JsonSerializer.SerializeAsync(response.Body, result.Body, result.Body.GetType(), ManagementJson.Options, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
