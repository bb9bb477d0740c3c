namespace CorsFunctions.EndToEnd.AspNetCoreApp;

/// <summary>An item of the sample API.</summary>
internal sealed record Item(string Id, string Name);
