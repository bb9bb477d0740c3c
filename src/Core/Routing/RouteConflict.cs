namespace CorsFunctions.Core.Routing;

/// <summary>A route pattern that several policies name; <paramref name="Winner"/> (lowest id) governs it.</summary>
/// <param name="Route">The pattern.</param>
/// <param name="Winner">The policy id that governs it.</param>
/// <param name="Losers">The other policy ids that name it.</param>
public sealed record RouteConflict(string Route, string Winner, IReadOnlyList<string> Losers);
