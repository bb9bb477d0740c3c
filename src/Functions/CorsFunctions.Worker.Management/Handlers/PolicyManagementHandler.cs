using Azure;
using CorsFunctions.Core.Lint;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management.Handlers;

/// <summary>
/// The logic of the <c>cors-policies</c> management API, independent of the HTTP types. Every write goes through
/// the <see cref="PolicyWritePipeline"/> (validated, conditional on ETags, audited); after a write this instance's
/// snapshot is reloaded at once (other instances pick the change up within their refresh interval). Every valid
/// policy it answers with carries its lint warnings, linted against this app's functions.
/// </summary>
internal sealed class PolicyManagementHandler(IPolicyStore store, PolicyWritePipeline pipeline, IPolicySnapshotRefresher refresher, AppLintContext app)
{
    /// <summary><c>GET cors-policies</c>: every policy of the set with its validation errors.</summary>
    public async Task<ManagementResult> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var context = await app.GetAsync().ConfigureAwait(false);
        var documents = stored
            .OrderBy(p => p.Definition.Id, StringComparer.Ordinal)
            .Select(p => ToDocument(p, context))
            .ToList();
        return new ManagementResult(200, new PolicyListDocument(documents));
    }

    /// <summary><c>GET cors-policies/{id}</c>.</summary>
    public async Task<ManagementResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } policy
            ? new ManagementResult(200, ToDocument(policy, await app.GetAsync().ConfigureAwait(false)), policy.ETag.ToString())
            : ManagementProblems.PolicyNotFound(id);

    /// <summary>
    /// <c>PUT cors-policies/{id}</c>: creates or replaces the policy when it is valid and the condition holds; with
    /// <paramref name="dryRun"/>, only says what it would do (every error, the routes that would change owner).
    /// </summary>
    public async Task<ManagementResult> PutAsync(string id, Stream body, string? ifMatch, string? ifNoneMatch, bool dryRun, PolicyWriter writer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (ifNoneMatch is not null && ifNoneMatch.Trim() != "*")
        {
            return ManagementProblems.BadRequest("If-None-Match accepts only '*' (create only).");
        }

        var (document, problem) = await ManagementBody.ReadAsync<PolicyDocument>(body, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var definition = document!.ToDefinition(id);
        if (document.Id is not null && !string.Equals(document.Id, id, StringComparison.Ordinal))
        {
            // Refused before anything else: which of the two ids was meant is the caller's to say.
            return ManagementProblems.InvalidPolicy([new PolicyError(PolicyErrorCodes.IdMismatch, nameof(CorsPolicyDefinition.Id), SafeLogValue.Bound(document.Id),
                $"must equal the id in the URL ('{SafeLogValue.Bound(id)}') or be left out."), .. PolicyWritePipeline.Validate(definition)]);
        }

        if (dryRun)
        {
            var plan = await pipeline.PlanAsync(definition, writer, cancellationToken).ConfigureAwait(false);
            return plan.Errors.Count > 0
                ? ManagementProblems.InvalidPolicy(plan.Errors, plan.RouteChanges)
                : new ManagementResult(200, new PolicyDryRunDocument(true, !plan.Exists, plan.CurrentETag, plan.RouteChanges,
                    await WithWarningsAsync(PolicyDocument.From(definition, null, []), PolicyCompiler.Compile(definition)).ConfigureAwait(false)));
        }

        var condition = new WriteCondition(ParseETag(ifMatch), CreateOnly: ifNoneMatch is not null);
        return await AnswerSaveAsync(await pipeline.SaveAsync(definition, condition, writer, cancellationToken).ConfigureAwait(false), id, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary><c>DELETE cors-policies/{id}</c>, conditional on <c>If-Match</c> when given.</summary>
    public async Task<ManagementResult> DeleteAsync(string id, string? ifMatch, PolicyWriter writer, CancellationToken cancellationToken)
    {
        var result = await pipeline.DeleteAsync(id, ParseETag(ifMatch), writer, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case PolicyWriteStatus.NotFound:
                return ManagementProblems.PolicyNotFound(id);
            case PolicyWriteStatus.PreconditionFailed:
                return ManagementProblems.PreconditionFailed(id);
            default:
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
                return new ManagementResult(204, null);
        }
    }

    /// <summary><c>GET cors-policies/{id}/history</c>: every recorded write of the policy, oldest first, and whether the audit chain verifies.</summary>
    public async Task<ManagementResult> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        var (history, current) = await pipeline.HistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return history.IsEmpty && current is null
            ? ManagementProblems.PolicyNotFound(id)
            : new ManagementResult(200, PolicyHistoryDocument.From(history));
    }

    /// <summary>
    /// <c>POST cors-policies/{id}/rollback?version=N</c>: writes again the definition version N left behind, as a
    /// normal write (validated against today's rules, conditional on <c>If-Match</c> when given, audited as a rollback),
    /// only when the audit chain verifies through version N.
    /// </summary>
    public async Task<ManagementResult> RollbackAsync(string id, string? version, string? ifMatch, PolicyWriter writer, CancellationToken cancellationToken)
    {
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return ManagementProblems.BadRequest("Give the version to restore as ?version=N (a whole number from 1, see GET cors-policies/{id}/history).");
        }

        var result = await pipeline.RollbackAsync(id, number, new WriteCondition(ParseETag(ifMatch), CreateOnly: false), writer, cancellationToken)
            .ConfigureAwait(false);
        return result.Status switch
        {
            PolicyWriteStatus.VersionNotFound => ManagementProblems.VersionNotFound(id, number),
            PolicyWriteStatus.VersionNotRestorable => ManagementProblems.VersionNotRestorable(id, number),
            PolicyWriteStatus.ChainBroken => ManagementProblems.AuditChainBroken(id, number, result.Break!),
            _ => await AnswerSaveAsync(result, id, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<ManagementResult> AnswerSaveAsync(PolicyWriteResult result, string id, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case PolicyWriteStatus.Invalid:
                return ManagementProblems.InvalidPolicy(result.Errors);
            case PolicyWriteStatus.Written:
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
                return new ManagementResult(200, await WithWarningsAsync(PolicyDocument.From(result.Written!, result.ETag.ToString(), []),
                    PolicyCompiler.Compile(result.Written!)).ConfigureAwait(false), result.ETag.ToString());
            default:
                return ManagementProblems.PreconditionFailed(id);
        }
    }

    /// <summary>
    /// Reloads this instance's snapshot after a write. The write is done by then: when the caller has gone away the
    /// reload is left to the background refresher instead of failing a request nobody waits for.
    /// </summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The next scheduled reload picks the change up.
        }
    }

    private static PolicyDocument ToDocument(StoredPolicy policy, PolicyLintContext context)
    {
        var compilation = policy.Compile();
        return PolicyDocument.From(policy.Definition, policy.ETag.ToString(), compilation.Errors) with
        {
            Warnings = PolicyWarningDocument.ListOf(PolicyLinter.Lint(compilation, context)),
        };
    }

    private async Task<PolicyDocument> WithWarningsAsync(PolicyDocument document, PolicyCompilation compilation) =>
        document with { Warnings = PolicyWarningDocument.ListOf(PolicyLinter.Lint(compilation, await app.GetAsync().ConfigureAwait(false))) };

    private static ETag? ParseETag(string? header) =>
        string.IsNullOrWhiteSpace(header) ? null
        : header.Trim() == "*" ? ETag.All
        : new ETag(header.Trim());
}
