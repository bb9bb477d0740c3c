using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// The host's key check before any worker runs, as the real host does it: a key comes from the
/// <c>x-functions-key</c> header, else the <c>code</c> query parameter. The function key (named <c>default</c>)
/// opens Function-level triggers; the master key (named <c>master</c>) opens every level, and only it opens Admin
/// level. Whatever the trigger's level, a valid key yields the host's key identity (auth level and key name
/// claims), which the host hands to the worker with the invocation.
/// </summary>
internal sealed class FunctionKeys(string functionKey, string masterKey)
{
    public const string AuthenticationType = "WebJobsAuthLevel";
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";
    public const string KeyNameClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    private readonly byte[] _function = Encoding.UTF8.GetBytes(functionKey);
    private readonly byte[] _master = Encoding.UTF8.GetBytes(masterKey);

    /// <summary>Whether the request may run <paramref name="function"/>, and the key identity its key earns (null: no valid key).</summary>
    public (bool Authorized, KeyIdentity? Identity) Authorize(HttpFunction function, HttpRequest request)
    {
        var identity = Identify(request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault());
        var authorized = function.AuthLevel switch
        {
            AuthLevel.Anonymous => true,
            AuthLevel.Function => identity is not null,
            _ => identity?.Level == AuthLevel.Admin,
        };
        return (authorized, identity);
    }

    private KeyIdentity? Identify(string? presented)
    {
        if (presented is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(bytes, _master) ? new KeyIdentity(AuthLevel.Admin, "master")
            : CryptographicOperations.FixedTimeEquals(bytes, _function) ? new KeyIdentity(AuthLevel.Function, "default")
            : null;
    }
}
