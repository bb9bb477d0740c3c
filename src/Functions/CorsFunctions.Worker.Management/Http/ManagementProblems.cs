using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Management.Callers;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management.Http;

/// <summary>
/// Every error answer of the management API, each with its own stable problem type
/// (<c>urn:corsfunctions:problem:&lt;name&gt;</c>), so a client can act on the type and a person on the detail.
/// </summary>
internal static class ManagementProblems
{
    /// <summary>The prefix of every problem type.</summary>
    public const string TypePrefix = "urn:corsfunctions:problem:";

    public static ManagementResult InvalidPolicy(IEnumerable<PolicyError> errors, IReadOnlyList<RouteOwnerChange>? routeChanges = null) =>
        Problem(400, "invalid-policy", "The policy is invalid", "Nothing was written. Fix every error listed in 'errors'.",
            [.. errors.Select(PolicyErrorDocument.From)], routeChanges);

    /// <summary>A body that is not the JSON expected: every error in <c>jsonErrors</c>, each with its JSON path.</summary>
    public static ManagementResult MalformedJson(IReadOnlyList<JsonInputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(400, new ProblemDocument(TypePrefix + "malformed-json", "Malformed JSON", 400,
            $"Nothing was written. Fix every error listed in 'jsonErrors' ({errors.Count}), each with its JSON path: {errors[0]}{(errors.Count > 1 ? "; ..." : ".")}")
        {
            JsonErrors = errors,
        });
    }

    public static ManagementResult BodyTooLarge(int limit) =>
        Problem(413, "body-too-large", "Request body too large", $"The body must be at most {limit} bytes. Nothing was written.");

    public static ManagementResult BadRequest(string detail) => Problem(400, "bad-request", "Bad request", detail);

    public static ManagementResult JsonRequired(string? contentType) =>
        Problem(415, "unsupported-media-type", "Content-Type must be application/json",
            $"Writes (PUT, rollback) need the header Content-Type: {JsonContentType.MediaType}; this request sent " +
            $"{(contentType is null ? "none" : $"'{SafeLogValue.Bound(contentType)}'")}. A browser sends that type to another site only after a CORS " +
            "preflight, so no form or simple cross-site request can write. Nothing was written.");

    public static ManagementResult PolicyNotFound(string id) =>
        Problem(404, "policy-not-found", "Policy not found", $"There is no policy '{SafeLogValue.Bound(id)}' in this policy set.");

    public static ManagementResult VersionNotFound(string id, int version) =>
        Problem(404, "version-not-found", "Version not found", $"Policy '{SafeLogValue.Bound(id)}' has no recorded version {version}: see its history.");

    public static ManagementResult VersionNotRestorable(string id, int version) =>
        Problem(409, "version-not-restorable", "Version cannot be restored",
            $"Version {version} of policy '{SafeLogValue.Bound(id)}' deleted it, so it left no definition to restore. Pick a version that wrote one, or DELETE the policy.");

    public static ManagementResult AuditChainBroken(string id, int version, AuditProblem problem) =>
        Problem(409, "audit-chain-broken", "The audit log does not verify",
            $"Version {version} of policy '{SafeLogValue.Bound(id)}' cannot be trusted, so it is not restored: {problem}. See its history; nothing was written.");

    public static ManagementResult PreconditionFailed(string id) =>
        Problem(412, "precondition-failed", "Precondition failed",
            $"Policy '{SafeLogValue.Bound(id)}' was not written: it exists (If-None-Match: *), or it changed since the ETag given in If-Match " +
            "(or during this write). Read it again and retry with its current ETag.");

    public static ManagementResult Disabled { get; } = Problem(404, "management-api-off", "Not found",
        $"The management API is off: set {CorsManagementOptions.SectionName}__{nameof(CorsManagementOptions.EnableManagementApi)}=true to use it.");

    public static ManagementResult PrincipalRequired(string callerKind) =>
        Problem(403, "principal-required", "Not allowed to write",
            $"{EntraAppRoleMode} writes need a principal signed in through App Service Authentication; this request came with a {callerKind} alone " +
            "(the host grants the admin level to the master key and to platform tokens, which name no person). Sign in with a token for this app " +
            "and send it with the key. Nothing was written.");

    public static ManagementResult EntraIdRequired(string? provider) =>
        Problem(403, "entra-id-required", "Not allowed to write",
            $"{EntraAppRoleMode} writes need a principal signed in with Entra ID (App Service Authentication provider " +
            $"'{ManagementAuthorizer.EntraIdProvider}'); this one was signed in with '{SafeLogValue.Bound(provider)}'. Nothing was written.");

    public static ManagementResult TenantNotAllowed(string? tenantId) =>
        Problem(403, "tenant-not-allowed", "Not allowed to write",
            $"{EntraAppRoleMode} writes need a principal of the tenant set in {CorsManagementOptions.SectionName}__{nameof(CorsManagementOptions.ManagementTenantId)}; " +
            $"this one is of tenant '{SafeLogValue.Bound(tenantId)}' (tid). Sign in with an account of that tenant. Nothing was written.");

    public static ManagementResult ObjectIdRequired() =>
        Problem(403, "object-id-required", "Not allowed to write",
            $"{EntraAppRoleMode} writes need a principal with an object id (oid), which the audit log records; this principal carries none. " +
            "Nothing was written.");

    public static ManagementResult WriteRoleRequired(string role) =>
        Problem(403, "write-role-required", "Not allowed to write",
            $"Writes need an Entra ID principal holding the app role '{role}' ({CorsManagementOptions.SectionName}__{nameof(CorsManagementOptions.ManagementAuthorization)}=" +
            $"{nameof(CorsManagementAuthorization.EntraAppRole)}). Sign in with a token for this app and ask an owner of its app registration to assign you the role. Nothing was written.");

    public static ManagementResult PlatformAuthenticationOff(string role) =>
        Problem(403, "platform-authentication-off", "Not allowed to write",
            $"{CorsManagementOptions.SectionName}__{nameof(CorsManagementOptions.ManagementAuthorization)}={nameof(CorsManagementAuthorization.EntraAppRole)} needs App Service " +
            $"Authentication (WEBSITE_AUTH_ENABLED=True): without it no caller identity can be trusted, so no write is allowed. Enable it with Entra ID, " +
            $"assign the app role '{role}', or switch to {nameof(CorsManagementAuthorization.AdminKey)}. Nothing was written.");

    /// <summary>
    /// The answer for a store call on <paramref name="table"/> (null when the failure did not say which) that failed
    /// with <paramref name="kind"/>; nothing was written. The table is named in the detail and in <c>table</c>.
    /// </summary>
    public static ManagementResult StoreFailed(StoreFailureKind kind, string? table)
    {
        var named = table is null ? "its table" : $"table '{table}'";
        var (status, type, title, detail) = kind switch
        {
            StoreFailureKind.Forbidden => (500, "store-forbidden", "The app cannot write the policy table",
                $"Table Storage refused the app's identity on {named} (403). A writing app needs 'Storage Table Data Contributor' on the policy table " +
                "and the append-only role 'CorsFunctions audit appender' on the audit table: with this repository's template, deploy again with " +
                "appCanWritePolicies=true (docs/deployment.md). Reads need 'Storage Table Data Reader'. Nothing was written."),
            StoreFailureKind.CredentialUnavailable => (500, "store-credential-unavailable", "The app has no usable identity",
                $"No token for Table Storage could be obtained to reach {named}: check {CorsPolicyOptions.SectionName}__{nameof(CorsPolicyOptions.ManagedIdentityClientId)} " +
                "and that the identity is assigned to the app. Nothing was written."),
            StoreFailureKind.TableMissing => (500, "store-table-missing", "The table does not exist",
                $"Table Storage has no {named} (deleted, or never created). Deploy the template again or create the table. Nothing was written."),
            _ => (503, "store-unavailable", "Table Storage is unavailable",
                $"Table Storage throttled, timed out or could not be reached on {named}. A write whose request timed out may still have taken " +
                "effect (its history then shows its version missing); read the policy before trying again after the Retry-After delay."),
        };
        return Problem(status, type, title, detail, retryAfterSeconds: status == 503 ? StoreFailures.RetryAfterSeconds : null, table: table);
    }

    /// <summary>
    /// The caller went away (a disconnect, a shutdown) before the answer: nobody reads it, but the function still ends
    /// normally instead of throwing at the host. A write done before that is recorded all the same.
    /// </summary>
    public static ManagementResult Cancelled(string invocationId) =>
        Problem(503, "request-cancelled", "Request cancelled",
            $"The request was cancelled before it was answered (invocation id {invocationId}). Read the policy and its history to see whether a write took effect.");

    /// <summary>An unexpected failure (a bug): the request is refused, details are in the log.</summary>
    public static ManagementResult InternalError(string invocationId) =>
        Problem(500, "internal-error", "Internal error",
            $"The request failed unexpectedly; the error is logged with invocation id {invocationId}. Read the policy again to see whether a write took effect before retrying.");

    private static string EntraAppRoleMode =>
        $"{CorsManagementOptions.SectionName}__{nameof(CorsManagementOptions.ManagementAuthorization)}={nameof(CorsManagementAuthorization.EntraAppRole)}:";

    private static ManagementResult Problem(int status, string type, string title, string detail, IReadOnlyList<PolicyErrorDocument>? errors = null,
        IReadOnlyList<RouteOwnerChange>? routeChanges = null, int? retryAfterSeconds = null, string? table = null) =>
        new(status, new ProblemDocument(TypePrefix + type, title, status, detail, errors, routeChanges, table), RetryAfterSeconds: retryAfterSeconds);
}
