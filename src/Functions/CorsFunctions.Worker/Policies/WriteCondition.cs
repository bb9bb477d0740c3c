using Azure;

namespace CorsFunctions.Worker.Policies;

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
