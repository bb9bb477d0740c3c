namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>The built-in HTTP model (HttpRequestData/HttpResponseData over gRPC): samples/BuiltInHttp, built from the packages.</summary>
public sealed class BuiltInModelFixture() : EndToEndFixture(aspNetCoreIntegration: false, "samples", "BuiltInHttp", "BuiltInHttp.csproj");
