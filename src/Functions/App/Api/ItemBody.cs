namespace CorsFunctions.App.Api;

/// <summary>The body of <c>POST items</c> and <c>PUT items/{id}</c>.</summary>
/// <param name="Name">A display name.</param>
internal sealed record ItemBody(string? Name);
