using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>Registers the console relay of the background logs.</summary>
internal static class HostConsoleLogsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="HostConsoleLoggerProvider"/> on the process's stdout and stderr (once).</summary>
    public static IServiceCollection AddHostConsoleLogs(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, HostConsoleLoggerProvider>(
            _ => new HostConsoleLoggerProvider(Console.Out, Console.Error)));
        return services;
    }
}
