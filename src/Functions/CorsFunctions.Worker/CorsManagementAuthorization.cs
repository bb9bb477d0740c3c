namespace CorsFunctions.Worker;

/// <summary>What a write through the management functions needs besides the admin key the host checks.</summary>
public enum CorsManagementAuthorization
{
    /// <summary>The admin (master) key alone: whoever holds it may write.</summary>
    AdminKey,

    /// <summary>
    /// The admin key and, for writes, a caller signed in through App Service Authentication (Entra ID) whose
    /// principal holds the app role <c>CorsPolicies.Write</c>. Without App Service Authentication every write is refused.
    /// </summary>
    EntraAppRole,
}
