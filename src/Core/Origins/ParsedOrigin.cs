namespace CorsFunctions.Core.Origins;

/// <summary>The parts of a serialized origin, as spans over the original text.</summary>
internal readonly ref struct ParsedOrigin
{
    public ParsedOrigin(bool isHttps, ReadOnlySpan<char> host, int port, bool isWildcard, ReadOnlySpan<char> withoutDefaultPort)
    {
        IsHttps = isHttps;
        Host = host;
        Port = port;
        IsWildcard = isWildcard;
        WithoutDefaultPort = withoutDefaultPort;
    }

    /// <summary>True for <c>https</c>, false for <c>http</c>.</summary>
    public bool IsHttps { get; }

    /// <summary>The host; for a wildcard pattern, the part after <c>*.</c>.</summary>
    public ReadOnlySpan<char> Host { get; }

    /// <summary>The effective port: the written one, else the scheme's default.</summary>
    public int Port { get; }

    /// <summary>Whether the host started with the <c>*.</c> label (only accepted in policies).</summary>
    public bool IsWildcard { get; }

    /// <summary>The text with a written default port (<c>:443</c> for https, <c>:80</c> for http) cut off.</summary>
    public ReadOnlySpan<char> WithoutDefaultPort { get; }

    public static int DefaultPort(bool isHttps) => isHttps ? 443 : 80;

    /// <summary>
    /// Whether the host names this machine: <c>localhost</c>, <c>*.localhost</c> (either with a trailing dot, as the
    /// Secure Contexts standard counts them), 127.0.0.0/8 or <c>[::1]</c>.
    /// </summary>
    public bool IsLoopback => IsLocalhost(Host.EndsWith('.') ? Host[..^1] : Host)
        || Host.SequenceEqual("[::1]")
        || (Host.StartsWith("127.") && IsIPv4(Host));

    private static bool IsLocalhost(ReadOnlySpan<char> name) =>
        name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the host is a dotted-quad IPv4 address written the way browsers serialize one: four labels of
    /// plain decimal digits from 0 to 255, without a sign or a leading zero. Anything else (<c>127.-1.0.1</c>,
    /// <c>127.01.0.1</c>) is never sent as an origin and is not an address here.
    /// </summary>
    public static bool IsIPv4(ReadOnlySpan<char> host)
    {
        var labels = 0;
        foreach (var range in host.Split('.'))
        {
            if (!IsSerializedByte(host[range]))
            {
                return false;
            }

            labels++;
        }

        return labels == 4;
    }

    private static bool IsSerializedByte(ReadOnlySpan<char> label)
    {
        if (label.Length > 3 || !IPv4Host.IsDigits(label) || (label.Length > 1 && label[0] == '0'))
        {
            return false;
        }

        var value = 0;
        foreach (var digit in label)
        {
            value = (value * 10) + (digit - '0');
        }

        return value <= 255;
    }
}
