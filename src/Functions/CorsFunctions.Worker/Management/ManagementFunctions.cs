using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// The management API (auth level Function: a function or host key is required): <c>cors-policies</c> and
/// <c>cors-check</c> under the <c>api</c> route prefix. Each function only adapts HTTP to a handler. Opt-in: while
/// <see cref="CorsPolicyOptions.EnableManagementApi"/> is off, every function answers 404 and touches nothing.
/// </summary>
internal sealed class ManagementFunctions(PolicyManagementHandler policies, CorsCheckHandler check, IOptions<CorsPolicyOptions> options)
{
    private static readonly ManagementResult Disabled = ManagementResult.Problem(404, "Not found",
        $"The management API is off: set {CorsPolicyOptions.SectionName}__{nameof(CorsPolicyOptions.EnableManagementApi)}=true to use it.");

    private readonly bool _enabled = options.Value.EnableManagementApi;

    private const string PoliciesRoute = "cors-policies";
    private const string PolicyRoute = "cors-policies/{id}";

    /// <summary>Lists every policy of the set.</summary>
    [Function("CorsPoliciesList")]
    public async Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PoliciesRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        await WriteAsync(request, _enabled ? await policies.ListAsync(cancellationToken).ConfigureAwait(false) : Disabled, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads one policy.</summary>
    [Function("CorsPolicyGet")]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken) =>
        await WriteAsync(request, _enabled ? await policies.GetAsync(id, cancellationToken).ConfigureAwait(false) : Disabled, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates or replaces one policy.</summary>
    [Function("CorsPolicyPut")]
    public async Task<HttpResponseData> PutAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = _enabled
            ? await policies.PutAsync(id, request.Body, Header(request, "If-Match"), Header(request, "If-None-Match"), cancellationToken).ConfigureAwait(false)
            : Disabled;
        return await WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one policy.</summary>
    [Function("CorsPolicyDelete")]
    public async Task<HttpResponseData> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = _enabled ? await policies.DeleteAsync(id, Header(request, "If-Match"), cancellationToken).ConfigureAwait(false) : Disabled;
        return await WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Explains the CORS decision for a request, from the snapshot in force.</summary>
    [Function("CorsCheck")]
    public async Task<HttpResponseData> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cors-check")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = _enabled ? await check.CheckAsync(request.Body, cancellationToken).ConfigureAwait(false) : Disabled;
        return await WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
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
