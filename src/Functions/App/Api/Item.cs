namespace CorsFunctions.App.Api;

/// <summary>A sample resource of the protected API.</summary>
/// <param name="Id">The id, from the route.</param>
/// <param name="Name">A display name.</param>
public sealed record Item(string Id, string Name);
