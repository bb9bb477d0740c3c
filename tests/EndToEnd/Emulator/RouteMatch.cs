namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The function chosen for a request and the values its route template captured.</summary>
internal sealed record RouteMatch(HttpFunction Function, IReadOnlyDictionary<string, string> RouteValues);
