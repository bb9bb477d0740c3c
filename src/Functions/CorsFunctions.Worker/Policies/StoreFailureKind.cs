namespace CorsFunctions.Worker.Policies;

/// <summary>Why the policy store (or the audit log) could not be used; each has its own answer.</summary>
internal enum StoreFailureKind
{
    /// <summary>Storage refused the app's identity (403): it lacks a data role on the table.</summary>
    Forbidden,

    /// <summary>The identity could not get a token at all (no managed identity, wrong client id).</summary>
    CredentialUnavailable,

    /// <summary>The table does not exist (deleted, or never created).</summary>
    TableMissing,

    /// <summary>Throttled, busy, timed out or unreachable: trying again later may work.</summary>
    Unavailable,
}
