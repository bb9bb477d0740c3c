using CorsFunctions.Worker.Policies.Audit;

namespace CorsFunctions.Worker.Management.Callers;

/// <summary>Who called a management function, from what the platform vouches for only.</summary>
/// <param name="Writer">How the caller is recorded in the audit log.</param>
/// <param name="PlatformAuthenticated">Whether App Service Authentication is on, so its principal headers can be trusted.</param>
/// <param name="Roles">The app roles of the signed-in principal; empty without one.</param>
internal sealed record ManagementCaller(PolicyWriter Writer, bool PlatformAuthenticated, IReadOnlySet<string> Roles);
