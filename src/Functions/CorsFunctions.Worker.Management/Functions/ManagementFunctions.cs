using System.ComponentModel;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CorsFunctions.Worker.Management.Functions;

/// <summary>
/// The seven functions of the management API, as the host indexes them: <c>cors-policies</c> (list, get, put, delete,
/// history, rollback) and <c>cors-check</c>, under the host's route prefix (<c>api</c> by default). Every one is auth level
/// Admin: the host lets only callers it grants that level through (the master key, a platform site token), before the
/// worker runs; writes may further need an Entra ID app role (<see cref="CorsManagementOptions.ManagementAuthorization"/>).
/// None lists <c>options</c>: preflights stay with <c>CorsPreflight</c>. Each declaration only hands the call to
/// <see cref="ManagementApi"/>. Public, and static, only so that the worker's generated executor calls them directly
/// (a function of a non-public class goes through reflection, several times slower): not an API to call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ManagementFunctions
{
    /// <summary>The route of the policy collection.</summary>
    internal const string PoliciesRoute = "cors-policies";

    /// <summary>The route of one policy.</summary>
    internal const string PolicyRoute = "cors-policies/{id}";

    /// <summary>The route of the decision explainer.</summary>
    internal const string CheckRoute = "cors-check";

    /// <summary><c>GET cors-policies</c>: every policy of the set.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The answer.</returns>
    [Function("CorsPoliciesList")]
    public static Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = PoliciesRoute)] HttpRequestData request, FunctionContext context, CancellationToken cancellationToken) =>
        Api(context).ListAsync(request, context, cancellationToken);

    /// <summary><c>GET cors-policies/{id}</c>: one policy.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="id">The policy id.</param>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The answer.</returns>
    [Function("CorsPolicyGet")]
    public static Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = PolicyRoute)] HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        Api(context).GetAsync(request, id, context, cancellationToken);

    /// <summary><c>PUT cors-policies/{id}</c>: creates or replaces one policy (<c>?dryRun=true</c>: only says what it would do).</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="id">The policy id.</param>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The answer.</returns>
    [Function("CorsPolicyPut")]
    public static Task<HttpResponseData> PutAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = PolicyRoute)] HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        Api(context).PutAsync(request, id, context, cancellationToken);

    /// <summary><c>DELETE cors-policies/{id}</c>: deletes one policy.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="id">The policy id.</param>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The answer.</returns>
    [Function("CorsPolicyDelete")]
    public static Task<HttpResponseData> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = PolicyRoute)] HttpRequestData request, string id, FunctionContext context, CancellationToken cancellationToken) =>
        Api(context).DeleteAsync(request, id, context, cancellationToken);

    /// <summary><c>GET cors-policies/{id}/history</c>: every recorded write of one policy.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="id">The policy id.</param>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The answer.</returns>
    [Function("CorsPolicyHistory")]
    public static Task<HttpResponseData> HistoryAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = PolicyRoute + "/history")] HttpRequestData request, string id, FunctionContext context,
        CancellationToken cancellationToken) =>
        Api(context).HistoryAsync(request, id, context, cancellationToken);

    /// <summary><c>POST cors-policies/{id}/rollback?version=N</c>: restores what an earlier version left behind.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="id">The policy id.</param>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The answer.</returns>
    [Function("CorsPolicyRollback")]
    public static Task<HttpResponseData> RollbackAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = PolicyRoute + "/rollback")] HttpRequestData request, string id, FunctionContext context,
        CancellationToken cancellationToken) =>
        Api(context).RollbackAsync(request, id, context, cancellationToken);

    /// <summary><c>POST cors-check</c>: explains the CORS decision for a request, from the snapshot in force or a proposed policy.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away.</param>
    /// <returns>The answer.</returns>
    [Function("CorsCheck")]
    public static Task<HttpResponseData> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = CheckRoute)] HttpRequestData request, FunctionContext context, CancellationToken cancellationToken) =>
        Api(context).CheckAsync(request, context, cancellationToken);

    private static ManagementApi Api(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<ManagementApi>();
    }
}
