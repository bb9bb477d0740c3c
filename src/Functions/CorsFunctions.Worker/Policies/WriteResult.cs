using Azure;

namespace CorsFunctions.Worker.Policies;

/// <summary>The outcome of a write and the row's new ETag.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="ETag">The new ETag after a successful save.</param>
internal readonly record struct WriteResult(WriteOutcome Outcome, ETag ETag = default);
