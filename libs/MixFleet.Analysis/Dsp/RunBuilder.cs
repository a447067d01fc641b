namespace MixFleet.Analysis.Dsp;

/// <summary>Collects the runs of one chunk, in order, into a <see cref="RunPartial"/>.</summary>
internal sealed class RunBuilder(long startFrame, int frames, int minLength)
{
    private readonly List<FrameRun> _inner = [];
    private int _head;
    private int _tail;

    /// <summary>Adds the run [<paramref name="start"/>, start + length) in chunk offsets; runs come in order.</summary>
    public void Add(int start, int length)
    {
        if (length <= 0)
        {
            return;
        }

        if (start == 0)
        {
            _head = length;
        }

        if (start + length == frames)
        {
            _tail = length;
        }

        if (start != 0 && start + length != frames && length >= minLength)
        {
            _inner.Add(new FrameRun(startFrame + start, length));
        }
    }

    public RunPartial Build() => new(startFrame, frames, _head, _tail, [.. _inner]);
}
