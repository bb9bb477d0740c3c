namespace CorsFunctions.EndToEnd.AspNetCoreApp;

/// <summary>The body of a create or replace.</summary>
internal sealed record ItemBody(string? Name);
