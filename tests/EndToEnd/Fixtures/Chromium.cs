using System.Diagnostics;
using Microsoft.Playwright;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// Headless Chromium from Debian driven by Playwright (its own browser download cannot work here).
/// Installs the package through scripts/chromium.sh when missing and running as root; fails clearly otherwise.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        await EnsureInstalledAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright gives every launch a fresh temporary profile (user-data-dir) and removes it on close.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                ChromiumSandbox = false,
                Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var script = Repository.PathOf("scripts", "chromium.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        var errors = await install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        if (install.ExitCode != 0 || !File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is required at {ExecutablePath} for the browser cases and could not be installed: run `bash scripts/chromium.sh` as root. {errors}");
        }
    }
}
