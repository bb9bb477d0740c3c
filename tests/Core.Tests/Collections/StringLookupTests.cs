using CorsFunctions.Core.Collections;

namespace CorsFunctions.Core.Tests.Collections;

/// <summary><see cref="StringLookup{TValue}.With"/> and <see cref="StringLookup{TValue}.Without"/>: copies that leave the original as it was, across the array/dictionary limit.</summary>
public class StringLookupTests
{
    private const int Keys = (StringLookup<int>.ArrayLimit * 2) + 1;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Adding_then_removing_keys_one_by_one_answers_as_a_dictionary_would_at_every_size(bool ignoreCase)
    {
        var expected = new Dictionary<string, int>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var lookup = new StringLookup<int>([], ignoreCase);
        var versions = new List<(StringLookup<int> Lookup, Dictionary<string, int> Expected)>();
        for (var i = 0; i < Keys; i++)
        {
            lookup = lookup.With($"key{i}", i).With($"key{i}", i + 100);
            expected[$"key{i}"] = i + 100;
            versions.Add((lookup, new Dictionary<string, int>(expected, expected.Comparer)));
        }

        for (var i = Keys - 1; i >= 0; i -= 2)
        {
            lookup = lookup.Without($"KEY{i}").Without("never-there");
            if (ignoreCase)
            {
                expected.Remove($"key{i}");
            }

            versions.Add((lookup, new Dictionary<string, int>(expected, expected.Comparer)));
        }

        foreach (var (version, keys) in versions)
        {
            Assert.Equal(keys.Count, version.Count);
            for (var i = 0; i < Keys; i++)
            {
                foreach (var spelling in new[] { $"key{i}", $"KEY{i}" })
                {
                    var found = keys.TryGetValue(spelling, out var value);
                    Assert.Equal((spelling, found, value), (spelling, version.TryGetValue(spelling, out var actual), actual));
                }
            }
        }
    }
}
