using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary><see cref="PolicyChangeLog"/>: what the marker lists, what a loader may trust of it, and what it refuses to read.</summary>
public sealed class PolicyChangeLogTests
{
    [Fact]
    public void A_log_read_back_from_its_properties_is_the_log_written()
    {
        var log = PolicyChangeLog.StartEpoch().Append("a").Append("b.c").Append("a");

        var read = PolicyChangeLog.Parse(log.Version, log.FormatChanges());

        Assert.NotNull(read);
        Assert.Equal(log.Version, read.Version);
        Assert.Equal(log.Recent, read.Recent);
        Assert.Equal(["b.c", "a"], read.IdsSince(log.Version - 2));
        Assert.Equal(["a", "b.c"], read.IdsSince(log.Version - 3));
        Assert.Empty(read.IdsSince(log.Version)!);
    }

    [Fact]
    public void The_log_keeps_the_last_writes_and_cannot_name_the_writes_before_them()
    {
        var start = PolicyChangeLog.StartEpoch();
        var log = start;
        for (var i = 0; i < PolicyChangeLog.Capacity + 1; i++)
        {
            log = log.Append($"p{i}");
        }

        Assert.Equal(PolicyChangeLog.Capacity, log.Recent.Count);
        Assert.Equal("p1", log.Recent[0].Id);
        Assert.Null(log.IdsSince(start.Version));
        Assert.Equal(PolicyChangeLog.Capacity, log.IdsSince(start.Version + 1)!.Count);
        Assert.Null(log.IdsSince(log.Version + 1));
    }

    [Theory]
    [InlineData(null, "1:a")]
    [InlineData(1L, null)]
    [InlineData(-1L, "")]
    [InlineData(2L, "1:a")]
    [InlineData(2L, "1:a,3:b")]
    [InlineData(2L, "2:a,1:b")]
    [InlineData(1L, "1:")]
    [InlineData(1L, "1:a:b")]
    [InlineData(1L, "x:a")]
    [InlineData(1L, "-1:a")]
    [InlineData(1L, "1:a b")]
    [InlineData(1L, "a")]
    public void A_marker_that_append_did_not_write_reads_as_no_log(long? version, string? changes) =>
        Assert.Null(PolicyChangeLog.Parse(version, changes));

    [Fact]
    public void A_log_longer_than_its_capacity_reads_as_no_log()
    {
        var entries = Enumerable.Range(1, PolicyChangeLog.Capacity + 1).Select(v => $"{v}:p");
        Assert.Null(PolicyChangeLog.Parse(PolicyChangeLog.Capacity + 1, string.Join(",", entries)));
        Assert.NotNull(PolicyChangeLog.Parse(PolicyChangeLog.Capacity, string.Join(",", entries.Take(PolicyChangeLog.Capacity))));
    }

    [Fact]
    public void Two_new_epochs_do_not_continue_each_other()
    {
        var first = PolicyChangeLog.StartEpoch().Append("a");
        var second = PolicyChangeLog.StartEpoch().Append("b");

        Assert.True(Math.Abs(first.Version - second.Version) > PolicyChangeLog.Capacity);
        Assert.Null(second.IdsSince(first.Version));
    }
}
