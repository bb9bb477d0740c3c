using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// The logic of the <c>cors-policies</c> management API, independent of the HTTP types: validates with Core
/// (nothing invalid is ever written), honours <c>If-Match</c> / <c>If-None-Match: *</c>, and reloads this
/// instance's snapshot after every write (other instances pick the change up within their refresh interval).
/// </summary>
internal sealed class PolicyManagementHandler(IPolicyStore store, IPolicySnapshotRefresher refresher, ILogger<PolicyManagementHandler> logger)
{
    /// <summary><c>GET cors-policies</c>: every policy of the set with its validation errors.</summary>
    public async Task<ManagementResult> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var documents = stored
            .OrderBy(p => p.Definition.Id, StringComparer.Ordinal)
            .Select(ToDocument)
            .ToList();
        return new ManagementResult(200, new PolicyListDocument(documents));
    }

    /// <summary><c>GET cors-policies/{id}</c>.</summary>
    public async Task<ManagementResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } policy
            ? new ManagementResult(200, ToDocument(policy), policy.ETag.ToString())
            : NotFound(id);

    /// <summary><c>PUT cors-policies/{id}</c>: creates or replaces the policy when it is valid and the condition holds.</summary>
    public async Task<ManagementResult> PutAsync(string id, Stream body, string? ifMatch, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (ifNoneMatch is not null && ifNoneMatch.Trim() != "*")
        {
            return ManagementResult.Problem(400, "Unsupported precondition", "If-None-Match accepts only '*' (create only).");
        }

        var (document, problem) = await ManagementJson.ReadAsync<PolicyDocument>(body, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var definition = document!.ToDefinition(id);
        var errors = PolicyCompiler.Compile(definition).Errors.Concat(PolicyEntityMapper.CheckStorable(definition)).ToList();
        if (document.Id is not null && !string.Equals(document.Id, id, StringComparison.Ordinal))
        {
            errors.Insert(0, new PolicyError(PolicyErrorCodes.IdMismatch, nameof(CorsPolicyDefinition.Id), PolicyEntityMapper.Quote(document.Id), $"must equal the id in the URL ('{PolicyEntityMapper.Quote(id)}') or be left out."));
        }

        if (errors.Count > 0)
        {
            PolicyLog.PolicyRefused(logger, PolicyEntityMapper.Quote(id), errors.Count);
            return ManagementResult.ValidationProblem(errors);
        }

        var condition = new WriteCondition(ParseETag(ifMatch), CreateOnly: ifNoneMatch is not null);
        var result = await store.SaveAsync(definition, condition, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != WriteOutcome.Done)
        {
            return PreconditionFailed(id);
        }

        PolicyLog.PolicyWritten(logger, id, result.ETag.ToString());
        await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return new ManagementResult(200, PolicyDocument.From(definition, result.ETag.ToString(), []), result.ETag.ToString());
    }

    /// <summary><c>DELETE cors-policies/{id}</c>, conditional on <c>If-Match</c> when given.</summary>
    public async Task<ManagementResult> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        var result = await store.DeleteAsync(id, ParseETag(ifMatch), cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound(id);
            case WriteOutcome.PreconditionFailed:
                return PreconditionFailed(id);
            default:
                PolicyLog.PolicyDeleted(logger, id);
                await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
                return new ManagementResult(204, null);
        }
    }

    private static PolicyDocument ToDocument(StoredPolicy policy) =>
        PolicyDocument.From(policy.Definition, policy.ETag.ToString(), policy.Compile().Errors);

    private static ETag? ParseETag(string? header) =>
        string.IsNullOrWhiteSpace(header) ? null
        : header.Trim() == "*" ? ETag.All
        : new ETag(header.Trim());

    private static ManagementResult NotFound(string id) =>
        ManagementResult.Problem(404, "Policy not found", $"There is no policy '{PolicyEntityMapper.Quote(id)}' in this policy set.");

    private static ManagementResult PreconditionFailed(string id) =>
        ManagementResult.Problem(412, "Precondition failed",
            $"Policy '{PolicyEntityMapper.Quote(id)}' was not written: it exists (If-None-Match: *), or it changed since the ETag given in If-Match " +
            "(or during this write). Read it again and retry with its current ETag.");
}
