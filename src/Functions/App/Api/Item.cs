namespace CorsFunctions.App.Api;

/// <summary>A sample resource of the protected API.</summary>
/// <param name="Id">The id, from the route.</param>
/// <param name="Name">A display name.</param>
internal sealed record Item(string Id, string Name);

/// <summary>The body of <c>POST items</c> and <c>PUT items/{id}</c>.</summary>
/// <param name="Name">A display name.</param>
internal sealed record ItemBody(string? Name);
