namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// An ASP.NET Core integration app that calls UseCorsPolicies() before ConfigureFunctionsWebApplication():
/// tests/EndToEndApps/WrongOrder, built from project references.
/// </summary>
public sealed class WrongOrderFixture() : EndToEndFixture(aspNetCoreIntegration: true, "tests", "EndToEndApps", "WrongOrder", "WrongOrder.csproj");
