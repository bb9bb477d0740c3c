using CorsFunctions.Scripts.Tests.Support;

namespace CorsFunctions.Scripts.Tests;

/// <summary>scripts/bicep.sh picks the Bicep CLI NuGet package for the OS and architecture it runs on.</summary>
public sealed class BicepScriptTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly StandInTools _tools = new();

    [Theory]
    [InlineData("Linux", "x86_64", "GNU libc", "Azure.Bicep.CommandLine.linux-x64")]
    [InlineData("Linux", "x86_64", "musl libc (x86_64)", "Azure.Bicep.CommandLine.linux-musl-x64")]
    [InlineData("Linux", "aarch64", "GNU libc", "Azure.Bicep.CommandLine.linux-arm64")]
    [InlineData("Darwin", "x86_64", "", "Azure.Bicep.CommandLine.osx-x64")]
    [InlineData("Darwin", "arm64", "", "Azure.Bicep.CommandLine.osx-arm64")]
    public async Task The_package_matches_the_machine(string os, string architecture, string libc, string package)
    {
        StandInMachine(os, architecture, libc);

        var (exitCode, run) = await ScriptProcess.RunAsync("bicep.sh", Environment(), Timeout, "--print-package");

        using (run)
        {
            Assert.True(exitCode == 0, run.Output);
            Assert.Equal($"{package} 0.49.2", run.Stdout.Trim());
        }
    }

    [Theory]
    [InlineData("Linux", "riscv64")]
    [InlineData("MINGW64_NT-10.0-19045", "x86_64")]
    public async Task A_machine_without_a_package_is_told_how_to_bring_its_own_Bicep(string os, string architecture)
    {
        StandInMachine(os, architecture, "GNU libc");

        var (exitCode, run) = await ScriptProcess.RunAsync("bicep.sh", Environment(), Timeout);

        using (run)
        {
            Assert.Equal(1, exitCode);
            Assert.Contains($"no Bicep CLI NuGet package for {os} {architecture}", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("BICEP=/path/to/bicep", run.Stderr, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _tools.Dispose();

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal) { ["PATH"] = _tools.PathFirst(), ["BICEP"] = "" };

    private void StandInMachine(string os, string architecture, string libc)
    {
        _tools.Add("uname", $"#!/bin/sh\ncase \"$1\" in -s) echo '{os}' ;; -m) echo '{architecture}' ;; *) exit 2 ;; esac");
        _tools.Add("ldd", $"#!/bin/sh\necho 'ldd ({libc}) 1.0'");
    }
}
