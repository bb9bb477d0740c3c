namespace CorsFunctions.Worker.Diagnostics;

/// <summary>Where the host runs the app from and how it overrides host.json, as the worker process sees it.</summary>
/// <param name="Directory">The app folder (functions.metadata, host.json).</param>
/// <param name="RoutePrefixSetting">The app setting that overrides host.json's route prefix, when set.</param>
/// <param name="PlanAnsweringPreflights">The plan whose host answers every preflight itself (<see cref="PreflightAnsweringPlan"/>), if any.</param>
internal sealed record FunctionAppEnvironment(string Directory, string? RoutePrefixSetting, string? PlanAnsweringPreflights = null)
{
    /// <summary>
    /// From the variables the host sets for the worker: <c>FUNCTIONS_APPLICATION_DIRECTORY</c>, or the older
    /// <c>FUNCTIONS_WORKER_DIRECTORY</c> (the worker falls back the same way), else the folder of the app's assemblies;
    /// the plan from the platform's variables the worker inherits.
    /// </summary>
    public static FunctionAppEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY")
            ?? Environment.GetEnvironmentVariable("FUNCTIONS_WORKER_DIRECTORY")
            ?? AppContext.BaseDirectory,
        Environment.GetEnvironmentVariable(HostRoutePrefix.SettingName),
        PreflightAnsweringPlan.Detect(Environment.GetEnvironmentVariable));

    /// <summary>The route prefix in force: the setting, else host.json in <see cref="Directory"/>, else the default.</summary>
    public string ReadRoutePrefix()
    {
        var hostJson = Path.Combine(Directory, "host.json");
        return HostRoutePrefix.Read(RoutePrefixSetting, File.Exists(hostJson) ? File.ReadAllText(hostJson) : null);
    }
}
