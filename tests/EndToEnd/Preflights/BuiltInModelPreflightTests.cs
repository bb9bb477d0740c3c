using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Preflights;

/// <summary>The cases of <see cref="PreflightTests"/> against the app in the built-in HTTP model.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelPreflightTests(BuiltInModelFixture fixture) : PreflightTests(fixture);
