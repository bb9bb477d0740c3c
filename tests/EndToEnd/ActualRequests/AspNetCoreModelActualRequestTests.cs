using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.ActualRequests;

/// <summary>The cases of <see cref="ActualRequestTests"/> against the app in the ASP.NET Core integration model.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelActualRequestTests(AspNetCoreModelFixture fixture) : ActualRequestTests(fixture);
