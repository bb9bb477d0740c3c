using System.Reflection;

namespace CorsFunctions.Scripts.Tests.Support;

/// <summary>The repository this suite was built from (baked in at build time: the output may live elsewhere).</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
