using System.Collections.Concurrent;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The last lines a child process or the worker's log stream wrote, for failure messages.</summary>
internal sealed class OutputTail(int capacity = 200)
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > capacity && _lines.TryDequeue(out _))
        {
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, _lines);
}
