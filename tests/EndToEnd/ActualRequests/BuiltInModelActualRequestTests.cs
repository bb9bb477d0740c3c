using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.ActualRequests;

/// <summary>The cases of <see cref="ActualRequestTests"/> against the app in the built-in HTTP model.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelActualRequestTests(BuiltInModelFixture fixture) : ActualRequestTests(fixture);
