using System.Text.Json;
using System.Web;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Management.Callers;
using CorsFunctions.Worker.Management.Handlers;
using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Worker.Management.Functions;

/// <summary>
/// What each management function does, behind the trigger declarations of <see cref="ManagementFunctions"/>: every
/// function only adapts HTTP to a handler. Opt-in twice: the functions exist only in an app that references this package,
/// and while <see cref="CorsManagementOptions.EnableManagementApi"/> is off every one answers 404 and touches nothing.
/// No exception reaches the host: store failures and bugs answer a problem. PUT and rollback need
/// <c>Content-Type: application/json</c> (<see cref="JsonContentType"/>), checked before anything else runs, so that no
/// cross-site "simple" request can write where no key is enforced (a local run). DELETE needs no such header: a browser
/// cannot send it to another site without a CORS preflight in the first place.
/// </summary>
internal sealed class ManagementApi(PolicyManagementHandler policies, CorsCheckApiHandler check, ManagementCallerReader callers,
    ManagementAuthorizer authorizer, IOptions<CorsManagementOptions> options, ILogger<ManagementApi> logger)
{
    private readonly bool _enabled = options.Value.EnableManagementApi;

    /// <summary>Lists every policy of the set.</summary>
    public Task<HttpResponseData> ListAsync(HttpRequestData request, FunctionContext context, CancellationToken cancellationToken) =>
        AnswerAsync(request, context, () => policies.ListAsync(cancellationToken), cancellationToken);

    /// <summary>Reads one policy.</summary>
    public Task<HttpResponseData> GetAsync(HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        AnswerAsync(request, context, () => policies.GetAsync(id, cancellationToken), cancellationToken);

    /// <summary>Creates or replaces one policy; <c>?dryRun=true</c> only says what it would do. The body is JSON, declared as such.</summary>
    public Task<HttpResponseData> PutAsync(HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        AnswerAsync(request, context, () => WithJsonAsync(request, () => Query(request, "dryRun") switch
        {
            null or "false" => WriteAsync(request, writer => policies.PutAsync(id, request.Body, Header(request, "If-Match"), Header(request, "If-None-Match"), false, writer, cancellationToken)),
            "true" => policies.PutAsync(id, request.Body, Header(request, "If-Match"), Header(request, "If-None-Match"), true, Caller(request).Writer, cancellationToken),
            _ => Task.FromResult(ManagementProblems.BadRequest("dryRun must be 'true' or 'false'.")),
        }), cancellationToken);

    /// <summary>Deletes one policy.</summary>
    public Task<HttpResponseData> DeleteAsync(HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        AnswerAsync(request, context, () => WriteAsync(request, writer => policies.DeleteAsync(id, Header(request, "If-Match"), writer, cancellationToken)), cancellationToken);

    /// <summary>Every recorded write of one policy.</summary>
    public Task<HttpResponseData> HistoryAsync(HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        AnswerAsync(request, context, () => policies.HistoryAsync(id, cancellationToken), cancellationToken);

    /// <summary>
    /// Restores the definition an earlier version left behind (<c>?version=N</c>), as an audited write. The body is
    /// ignored (empty or <c>{}</c>), but the request must declare JSON: a body-less POST is what any page can send.
    /// </summary>
    public Task<HttpResponseData> RollbackAsync(HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        AnswerAsync(request, context, () => WithJsonAsync(request, () => WriteAsync(request, writer =>
            policies.RollbackAsync(id, Query(request, "version"), Header(request, "If-Match"), writer, cancellationToken))), cancellationToken);

    /// <summary>Explains the CORS decision for a request, from the snapshot in force or a proposed policy.</summary>
    public Task<HttpResponseData> CheckAsync(HttpRequestData request, FunctionContext context, CancellationToken cancellationToken) =>
        AnswerAsync(request, context, () => check.CheckAsync(request.Body, cancellationToken), cancellationToken);

    /// <summary>Writes a handler's result: status, JSON body with its media type, <c>ETag</c> and <c>Retry-After</c>.</summary>
    internal static async Task<HttpResponseData> WriteAsync(HttpRequestData request, ManagementResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse((System.Net.HttpStatusCode)result.Status);
        if (result.ETag is not null)
        {
            response.Headers.TryAddWithoutValidation("ETag", result.ETag);
        }

        if (result.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (result.Body is not null)
        {
            response.Headers.TryAddWithoutValidation("Content-Type", result.IsProblem ? ManagementResult.ProblemContentType : "application/json; charset=utf-8");
            await JsonSerializer.SerializeAsync(response.Body, result.Body, result.Body.GetType(), ManagementJson.Options, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>
    /// The one gate of the opt-in, and the one place exceptions stop: <paramref name="handle"/> runs only while the API
    /// is on; a store failure answers its problem (403 from storage, missing table, 503 with Retry-After) naming the
    /// table that failed, anything else a logged 500 problem. Nothing escapes to the host.
    /// </summary>
    private async Task<HttpResponseData> AnswerAsync(HttpRequestData request, FunctionContext context, Func<Task<ManagementResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ManagementResult result;
        try
        {
            result = _enabled ? await handle().ConfigureAwait(false) : ManagementProblems.Disabled;
        }
        catch (Exception exception) when (StoreFailures.Classify(exception, cancellationToken) is { } failure)
        {
            var table = StoreFailures.TableOf(exception);
            result = ManagementProblems.StoreFailed(failure, table);
            ManagementLog.StoreFailed(logger, exception, context.FunctionDefinition.Name, failure.ToString(), table ?? SafeLogValue.Absent, result.Status);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            result = ManagementProblems.Cancelled(context.InvocationId);
            ManagementLog.Cancelled(logger, context.FunctionDefinition.Name, context.InvocationId);
        }
        catch (Exception exception)
        {
            result = ManagementProblems.InternalError(context.InvocationId);
            ManagementLog.Failed(logger, exception, context.FunctionDefinition.Name, context.InvocationId);
        }

        // Not the caller's token: a cancelled caller still gets an answer written rather than an exception at the host.
        return await WriteAsync(request, result, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="handle"/> when the request declares a JSON body; else answers 415 and touches nothing.</summary>
    private static Task<ManagementResult> WithJsonAsync(HttpRequestData request, Func<Task<ManagementResult>> handle)
    {
        var contentType = Header(request, "Content-Type");
        return JsonContentType.IsJson(contentType) ? handle() : Task.FromResult(ManagementProblems.JsonRequired(contentType));
    }

    /// <summary>Runs <paramref name="write"/> as the caller when the caller may write; else answers the refusal.</summary>
    private Task<ManagementResult> WriteAsync(HttpRequestData request, Func<PolicyWriter, Task<ManagementResult>> write)
    {
        var caller = Caller(request);
        return authorizer.RefuseWrite(caller) is { } refusal ? Task.FromResult(refusal) : write(caller.Writer);
    }

    // In the ASP.NET Core integration the request's identities are the worker's own HttpContext.User: the host passes none.
    private ManagementCaller Caller(HttpRequestData request) =>
        callers.Read(request.FunctionContext.GetHttpContext() is null ? request.Identities : null, name => Header(request, name));

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static string? Query(HttpRequestData request, string name) => HttpUtility.ParseQueryString(request.Url.Query)[name];
}
