using CorsFunctions.Core.Evaluation;

namespace CorsFunctions.Worker.Management;

/// <summary>One decision and the response headers it sends.</summary>
/// <param name="Allowed">Whether the browser lets the page through.</param>
/// <param name="Reason">Why it was refused, or <see cref="CorsRejection.None"/>.</param>
/// <param name="Detail">What exactly was refused (e.g. the header name), when known.</param>
/// <param name="Headers">The CORS headers the response would carry, exactly as the middleware writes them.</param>
/// <param name="DebugAnswer">
/// True when the refusal is answered with an ok status and the policy's lists (its debug mode), so the browser names what
/// was refused; null otherwise (and absent from the JSON).
/// </param>
internal sealed record CorsCheckDecision(bool Allowed, CorsRejection Reason, string? Detail, IReadOnlyDictionary<string, string> Headers,
    bool? DebugAnswer = null);
