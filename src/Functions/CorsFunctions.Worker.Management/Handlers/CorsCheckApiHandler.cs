using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Management.Handlers;

/// <summary>
/// The logic of <c>POST cors-check</c>, independent of the HTTP types: reads and checks the request body, then explains
/// it against the snapshot in force with <see cref="CorsCheckHandler.Explain"/> (the CLI's <c>check</c> explains with it too).
/// </summary>
internal sealed class CorsCheckApiHandler(IPolicySnapshotSource snapshots)
{
    /// <summary>Evaluates the request in <paramref name="body"/>.</summary>
    public async Task<ManagementResult> CheckAsync(Stream body, CancellationToken cancellationToken)
    {
        var (request, problem) = await ManagementBody.ReadAsync<CorsCheckRequest>(body, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(request!.Path) || string.IsNullOrEmpty(request.Origin))
        {
            return ManagementProblems.BadRequest("'path' and 'origin' are required; 'method', 'headers', 'privateNetwork' and 'policy' are optional.");
        }

        if (request.Policy is { Id: null or "" })
        {
            return ManagementProblems.BadRequest("'policy.id' is required: it names the stored policy the proposal replaces (or a new one beside them).");
        }

        return new ManagementResult(200, CorsCheckHandler.Explain(snapshots.Current, request));
    }
}
