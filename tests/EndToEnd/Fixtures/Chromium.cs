using System.Diagnostics;
using Microsoft.Playwright;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// Headless Chromium or Chrome driven by Playwright (its own browser download cannot work here). scripts/chromium.sh
/// finds it (CHROMIUM_PATH, CHROME_PATH, PATH) or installs Debian's chromium as root; fails clearly otherwise.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var executablePath = await LocateAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright gives every launch a fresh temporary profile (user-data-dir) and removes it on close.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
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

    private static async Task<string> LocateAsync()
    {
        var script = Repository.PathOf("scripts", "chromium.sh");
        using var locate = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        var errors = locate.StandardError.ReadToEndAsync();
        var path = (await locate.StandardOutput.ReadToEndAsync()).Trim();
        await locate.WaitForExitAsync();
        if (locate.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"A Chromium or Chrome is required for the browser cases: set CHROMIUM_PATH, or run `bash scripts/chromium.sh` as root to install one. {await errors}");
        }

        return path;
    }
}
