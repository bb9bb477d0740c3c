using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Management;

/// <summary>The cases of <see cref="ManagementApiTests"/> against the app in the ASP.NET Core integration model.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelManagementApiTests(AspNetCoreModelFixture fixture) : ManagementApiTests(fixture)
{
    // The host forwards the HTTP request to the worker's server and passes no identity over gRPC (an empty RpcHttp).
    protected override (string Kind, string Name) MasterKeyWriter =>
        ("admin-level", "admin level (the ASP.NET Core integration does not pass the host's identities on)");
}
