namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Tells, from the variables the host passes on to the worker, whether the app runs where the host answers every
/// preflight itself: the host's <c>IsAnyLinuxConsumption()</c> (Azure/azure-functions-host), under which it always puts
/// its own CORS middleware with a default policy in front, so no preflight ever reaches the worker.
/// </summary>
internal static class PreflightAnsweringPlan
{
    public const string FlexConsumption = "Flex Consumption";
    public const string LinuxConsumption = "Linux Consumption";

    /// <summary>
    /// The plan's name when the host answers preflights itself: <c>WEBSITE_SKU</c> = <c>FlexConsumption</c>, or
    /// <c>CONTAINER_NAME</c> set while <c>WEBSITE_INSTANCE_ID</c> and <c>LEGION_SERVICE_HOST</c> are not; never in a
    /// managed app environment (<c>MANAGED_ENVIRONMENT</c> set). Null anywhere else.
    /// </summary>
    /// <param name="variable">Reads an environment variable (null when unset).</param>
    public static string? Detect(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (IsSet(variable("MANAGED_ENVIRONMENT")))
        {
            return null;
        }

        if (string.Equals(variable("WEBSITE_SKU"), "FlexConsumption", StringComparison.OrdinalIgnoreCase))
        {
            return FlexConsumption;
        }

        return IsSet(variable("CONTAINER_NAME")) && !IsSet(variable("WEBSITE_INSTANCE_ID")) && !IsSet(variable("LEGION_SERVICE_HOST"))
            ? LinuxConsumption
            : null;
    }

    private static bool IsSet(string? value) => !string.IsNullOrEmpty(value);
}
