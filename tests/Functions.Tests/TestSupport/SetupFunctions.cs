using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>Function metadata as the worker reports it to the host, for the start-up setup checks.</summary>
internal static class SetupFunctions
{
    /// <summary>An HTTP function of the app; <paramref name="methods"/> null leaves the property out.</summary>
    public static IFunctionMetadata Http(string name, string? route, params string[]? methods)
    {
        var routeJson = route is null ? "" : $", \"route\": \"{route}\"";
        var methodsJson = methods is null ? "" : $", \"methods\": [{string.Join(", ", methods.Select(m => $"\"{m}\""))}]";
        return Metadata(name, $"App.Functions.{name}.Run",
            $$"""{"name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Function"{{methodsJson}}{{routeJson}}}""",
            """{"name": "$return", "direction": "Out", "type": "http"}""");
    }

    /// <summary>Any metadata, with its raw binding JSON.</summary>
    public static IFunctionMetadata Metadata(string name, string entryPoint, params string[] rawBindings) =>
        new DefaultFunctionMetadata { Name = name, EntryPoint = entryPoint, ScriptFile = "App.dll", Language = "dotnet-isolated", RawBindings = [.. rawBindings] };
}
