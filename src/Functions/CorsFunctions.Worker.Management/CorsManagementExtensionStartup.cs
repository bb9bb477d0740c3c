using System.ComponentModel;
using CorsFunctions.Worker.Management;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core;

// The worker's source generator finds this attribute in every referenced assembly and has the app run the startup when
// its builder is created (FunctionsApplication.CreateBuilder, ConfigureFunctionsWorkerDefaults): the package reference
// alone registers the management services, as it alone adds the management functions.
[assembly: WorkerExtensionStartup(typeof(CorsManagementExtensionStartup))]

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Registers the management API's services in every app that references this package; public only because the
/// worker's generated startup code creates it. Not an API to call: the app's Program.cs needs no line for it, only the
/// base package's <c>builder.UseCorsPolicies()</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CorsManagementExtensionStartup : WorkerExtensionStartup
{
    /// <inheritdoc />
    public override void Configure(IFunctionsWorkerApplicationBuilder applicationBuilder)
    {
        ArgumentNullException.ThrowIfNull(applicationBuilder);
        applicationBuilder.Services.AddCorsPoliciesManagement();
    }
}
