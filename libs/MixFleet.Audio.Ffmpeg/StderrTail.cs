using System.Diagnostics;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// Drains a child's stderr asynchronously so it never blocks on a full pipe, keeping only the last
/// <see cref="MaxChars"/> characters for the error message.
/// </summary>
internal sealed class StderrTail
{
    /// <summary>Most characters kept.</summary>
    public const int MaxChars = 4096;

    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private int _chars;

    /// <summary>Subscribes to <paramref name="process"/>'s stderr; call before <see cref="Process.BeginErrorReadLine"/>.</summary>
    public void Attach(Process process) => process.ErrorDataReceived += (_, e) => Add(e.Data);

    /// <summary>Adds one line (null, the end-of-stream marker, is ignored).</summary>
    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        line = line.Trim();
        if (line.Length > MaxChars)
        {
            line = line[^MaxChars..];
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            _chars += line.Length;
            while (_chars > MaxChars && _lines.Count > 1)
            {
                _chars -= _lines.Dequeue().Length;
            }
        }
    }

    /// <summary>The last <paramref name="maxLines"/> lines kept, joined with " | ", or <paramref name="fallback"/> when there are none.</summary>
    public string Last(int maxLines, string fallback)
    {
        lock (_lock)
        {
            return _lines.Count == 0 ? fallback : string.Join(" | ", _lines.Skip(Math.Max(0, _lines.Count - maxLines)));
        }
    }
}
