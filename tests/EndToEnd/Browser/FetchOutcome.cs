namespace CorsFunctions.EndToEnd.Browser;

/// <summary>What a page's <c>fetch</c> could do, as the browser decided.</summary>
/// <param name="Resolved">True when fetch resolved; false when the browser blocked it (TypeError).</param>
/// <param name="Status">The status the page saw (0 when blocked).</param>
/// <param name="Header">The value of the header the page tried to read, null when the browser hid it or it was absent.</param>
/// <param name="Error">The error the page caught, when blocked.</param>
public sealed record FetchOutcome(bool Resolved, int Status, string? Header, string? Error);
