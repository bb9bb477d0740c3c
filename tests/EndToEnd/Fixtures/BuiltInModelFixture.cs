namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>The built-in HTTP model (HttpRequestData/HttpResponseData over gRPC): src/Functions/App, the deployed app.</summary>
public sealed class BuiltInModelFixture() : EndToEndFixture(aspNetCoreIntegration: false, "src", "Functions", "App", "App.csproj");
