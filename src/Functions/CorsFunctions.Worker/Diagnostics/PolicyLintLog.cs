using CorsFunctions.Core.Lint;
using CorsFunctions.Core.Routing;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// The start-up warnings about valid policies that will not do what their author meant (event 3020, one per
/// <see cref="PolicyWarning"/>), for the policies of the first snapshot, linted against the app's functions.
/// </summary>
internal static partial class PolicyLintLog
{
    /// <summary>Logs every warning of every policy of <paramref name="policies"/> that compiled.</summary>
    public static void LogWarnings(PolicySet policies, PolicyLintContext context, string policySet, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(policies);
        foreach (var entry in policies.Entries)
        {
            foreach (var warning in PolicyLinter.Lint(entry.Compilation, context))
            {
                PolicyWarned(logger, SafeLogValue.Bound(entry.Id), policySet, warning.Code, warning.ToString());
            }
        }
    }

    [LoggerMessage(3020, LogLevel.Warning, "CORS policy {PolicyId} of policy set {PolicySet} is valid but probably not what was meant ({WarningCode}): {Warning}")]
    private static partial void PolicyWarned(ILogger logger, string policyId, string policySet, string warningCode, string warning);
}
