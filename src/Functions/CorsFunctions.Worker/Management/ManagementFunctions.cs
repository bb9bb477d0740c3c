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
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PoliciesRoute)] HttpRequestData request, CancellationToken cancellationToken) =>
        AnswerAsync(request, () => policies.ListAsync(cancellationToken), cancellationToken);

    /// <summary>Reads one policy.</summary>
    [Function("CorsPolicyGet")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken) =>
        AnswerAsync(request, () => policies.GetAsync(id, cancellationToken), cancellationToken);

    /// <summary>Creates or replaces one policy.</summary>
    [Function("CorsPolicyPut")]
    public Task<HttpResponseData> PutAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken) =>
        AnswerAsync(request, () => policies.PutAsync(id, request.Body, Header(request, "If-Match"), Header(request, "If-None-Match"), cancellationToken), cancellationToken);

    /// <summary>Deletes one policy.</summary>
    [Function("CorsPolicyDelete")]
    public Task<HttpResponseData> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = PolicyRoute)] HttpRequestData request, string id, CancellationToken cancellationToken) =>
        AnswerAsync(request, () => policies.DeleteAsync(id, Header(request, "If-Match"), cancellationToken), cancellationToken);

    /// <summary>Explains the CORS decision for a request, from the snapshot in force.</summary>
    [Function("CorsCheck")]
    public Task<HttpResponseData> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cors-check")] HttpRequestData request, CancellationToken cancellationToken) =>
        AnswerAsync(request, () => check.CheckAsync(request.Body, cancellationToken), cancellationToken);

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

    /// <summary>The one gate of the opt-in: <paramref name="handle"/> runs only while the API is on.</summary>
    private async Task<HttpResponseData> AnswerAsync(HttpRequestData request, Func<Task<ManagementResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = _enabled ? await handle().ConfigureAwait(false) : Disabled;
        return await WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
    }

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
