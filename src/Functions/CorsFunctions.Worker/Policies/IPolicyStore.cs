using Azure;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>The policies of this app's policy set, as stored (Table Storage in production).</summary>
internal interface IPolicyStore
{
    /// <summary>Reads every policy of the set, readable or not.</summary>
    Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Reads one policy, or null when there is none with that id.</summary>
    Task<StoredPolicy?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a policy (the caller has validated it) when <paramref name="condition"/> holds; other stored
    /// properties of the row that this app does not know are kept.
    /// </summary>
    Task<WriteResult> SaveAsync(CorsPolicyDefinition definition, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Deletes a policy, only if its ETag is still <paramref name="ifMatch"/> when one is given.</summary>
    Task<WriteResult> DeleteAsync(string id, ETag? ifMatch, CancellationToken cancellationToken);
}

/// <summary>One stored row read back: the definition, the fields that could not be read, and the row's ETag.</summary>
/// <param name="Definition">The definition with every readable field.</param>
/// <param name="ReadErrors">Fields stored with a type or text that could not be read; any makes the policy invalid.</param>
/// <param name="ETag">The row version, for optimistic concurrency.</param>
internal sealed record StoredPolicy(CorsPolicyDefinition Definition, IReadOnlyList<PolicyError> ReadErrors, ETag ETag)
{
    /// <summary>Validates the row with Core, counting the read errors.</summary>
    public PolicyCompilation Compile() => PolicyCompiler.Compile(Definition, ReadErrors);
}

/// <summary>When a write may happen: HTTP <c>If-Match</c> / <c>If-None-Match: *</c> semantics.</summary>
/// <param name="IfMatch">Write only if the stored row still has this ETag (<see cref="ETag.All"/>: only if it exists).</param>
/// <param name="CreateOnly">Write only if there is no row yet.</param>
internal readonly record struct WriteCondition(ETag? IfMatch, bool CreateOnly)
{
    /// <summary>Write unconditionally (still never losing a concurrent update: see <see cref="WriteOutcome.PreconditionFailed"/>).</summary>
    public static WriteCondition None => default;

    /// <summary>Whether the condition holds for a row whose current ETag is <paramref name="existing"/> (null: no row).</summary>
    public bool HoldsFor(ETag? existing) =>
        !(CreateOnly && existing is not null)
        && IfMatch switch
        {
            null => true,
            var etag when etag == ETag.All => existing is not null,
            var etag => existing is not null && existing == etag,
        };
}

/// <summary>What became of a write.</summary>
internal enum WriteOutcome
{
    /// <summary>Written (or deleted).</summary>
    Done,

    /// <summary>The condition did not hold, or the row changed while being written.</summary>
    PreconditionFailed,

    /// <summary>There is no such policy.</summary>
    NotFound,
}

/// <summary>The outcome of a write and the row's new ETag.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="ETag">The new ETag after a successful save.</param>
internal readonly record struct WriteResult(WriteOutcome Outcome, ETag ETag = default);
