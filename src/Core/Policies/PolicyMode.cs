namespace CorsFunctions.Core.Policies;

/// <summary>Whether a policy decides the answers of its routes or only reports what it would decide.</summary>
public enum PolicyMode
{
    /// <summary>The policy decides: its answers are sent.</summary>
    Enforce = 0,

    /// <summary>
    /// The policy is evaluated beside the enforced policy of the same request, and what it would refuse is
    /// logged and counted; the answer sent stays the enforced policy's. Lets an operator tighten a policy with
    /// evidence before enforcing it.
    /// </summary>
    ReportOnly = 1,
}
