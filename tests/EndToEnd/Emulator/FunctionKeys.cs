using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>
/// The host's key check before any worker runs: a non-anonymous function needs a key in the <c>code</c>
/// query parameter or the <c>x-functions-key</c> header. The emulator has one key, accepted at every level.
/// </summary>
internal sealed class FunctionKeys(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Authorizes(HttpFunction function, HttpRequest request)
    {
        if (function.AuthLevel == AuthLevel.Anonymous)
        {
            return true;
        }

        var presented = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);
    }
}
