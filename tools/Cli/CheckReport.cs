using CorsFunctions.Worker.Management;

namespace CorsFunctions.Cli;

/// <summary>A <c>cors-check</c> answer for people: the policy, each decision and the headers it sends.</summary>
internal static class CheckReport
{
    public static void Write(CorsCheckResponse answer, CorsCheckRequest request, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        WritePolicy("policy", answer.Policy, output);
        Write($"preflight {request.Method}", answer.Preflight, output);
        Write("actual request", answer.ActualRequest, output);
        if (answer.ReportOnly is { } reportOnly)
        {
            WritePolicy("report-only policy (logged and counted, never sent)", reportOnly.Policy, output);
            Write($"  would answer preflight {request.Method}", reportOnly.Preflight, output);
            Write("  would answer actual request", reportOnly.ActualRequest, output);
        }
    }

    private static void WritePolicy(string label, CorsCheckPolicy? policy, TextWriter output)
    {
        output.WriteLine(policy is null
            ? $"{label}: none governs this path"
            : $"{label}: {policy.Id} (route {policy.Route}){(policy.Valid ? "" : ", INVALID")}{(policy.Debug ? ", debug mode on" : "")}");
        foreach (var error in policy?.Errors ?? [])
        {
            output.WriteLine($"  {error.Field}: {error.Message} [{error.Code}]");
        }
    }

    private static void Write(string label, CorsCheckDecision? decision, TextWriter output)
    {
        if (decision is null)
        {
            return;
        }

        var detail = decision.Detail is null ? "" : $": {decision.Detail}";
        var debugAnswer = decision.DebugAnswer is true ? ", answered 204 with the policy's lists (debug mode)" : "";
        output.WriteLine(decision.Allowed ? $"{label}: allowed" : $"{label}: refused ({decision.Reason}{detail}){debugAnswer}");
        foreach (var (name, value) in decision.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            output.WriteLine($"    {name}: {value}");
        }
    }
}
