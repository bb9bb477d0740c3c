namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// What the CORS logic reads from a request, whatever the host: plain values, so the logic is tested
/// without a <c>FunctionContext</c>.
/// </summary>
internal interface ICorsRequest
{
    /// <summary>The HTTP method as received.</summary>
    string Method { get; }

    /// <summary>The absolute path of the request URL, route prefix included (<c>/api/items/42</c>).</summary>
    string Path { get; }

    /// <summary>Every line of the header joined by <c>", "</c>, or null when the request does not carry it.</summary>
    string? GetHeader(string name);
}
