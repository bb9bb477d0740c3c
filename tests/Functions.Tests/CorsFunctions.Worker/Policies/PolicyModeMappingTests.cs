using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>The <c>Mode</c> column: <c>enforce</c> or <c>reportOnly</c>, absent = enforce, anything else fails closed.</summary>
public sealed class PolicyModeMappingTests
{
    private static StoredPolicy Read(object? mode)
    {
        var entity = new TableEntity("default", "items") { ["Routes"] = "/api/items", ["AllowedOrigins"] = "https://a.example.com" };
        if (mode is not null)
        {
            entity["Mode"] = mode;
        }

        return PolicyEntityMapper.Read(entity);
    }

    [Theory]
    [InlineData(null, PolicyMode.Enforce)]
    [InlineData("", PolicyMode.Enforce)]
    [InlineData("enforce", PolicyMode.Enforce)]
    [InlineData("reportOnly", PolicyMode.ReportOnly)]
    [InlineData("REPORTONLY", PolicyMode.ReportOnly)]
    public void Mode_is_read_from_its_text_ignoring_case(string? text, PolicyMode expected)
    {
        var stored = Read(text);

        Assert.Empty(stored.ReadErrors);
        Assert.Equal(expected, stored.Definition.Mode);
    }

    [Theory]
    [InlineData("report-only")]
    [InlineData("audit")]
    [InlineData(1)]
    [InlineData(true)]
    public void An_unreadable_mode_is_a_mode_error_and_the_row_stays_enforced_so_it_fails_closed(object value)
    {
        var stored = Read(value);

        var error = Assert.Single(stored.ReadErrors);
        Assert.Equal((PolicyErrorCodes.ModeInvalid, "Mode"), (error.Code, error.Field));
        Assert.Equal(PolicyMode.Enforce, stored.Definition.Mode);
        Assert.False(stored.Compile().Succeeded);
    }

    [Theory]
    [InlineData(PolicyMode.Enforce, "enforce")]
    [InlineData(PolicyMode.ReportOnly, "reportOnly")]
    public void Mode_is_written_as_its_text_and_read_back(PolicyMode mode, string text)
    {
        var definition = new CorsPolicyDefinition { Id = "items", Routes = ["/api/items"], AllowedOrigins = ["https://a.example.com"], Mode = mode };

        var entity = PolicyEntityMapper.ToEntity("default", definition, existing: null, auditVersion: 0);

        Assert.Equal(text, entity["Mode"]);
        Assert.Equal(mode, PolicyEntityMapper.Read(entity).Definition.Mode);
    }
}
