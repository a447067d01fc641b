namespace MixFleet.Analysis.Dsp;

/// <summary>Joins the runs of consecutive chunks: a tail and the next head are one run.</summary>
public static class RunJoiner
{
    /// <summary>Every run of at least <paramref name="minLength"/> frames, in track order.</summary>
    public static List<FrameRun> Join(IEnumerable<RunPartial> partials, long minLength)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var runs = new List<FrameRun>();
        long openStart = 0;
        long openLength = 0;

        void Close()
        {
            if (openLength >= minLength && openLength > 0)
            {
                runs.Add(new FrameRun(openStart, openLength));
            }

            openLength = 0;
        }

        foreach (var p in partials)
        {
            if (p.Frames == 0)
            {
                continue;
            }

            if (p.Head > 0)
            {
                if (openLength == 0)
                {
                    openStart = p.StartFrame;
                }

                openLength += p.Head;
                if (p.Head == p.Frames)
                {
                    continue;
                }
            }

            Close();
            runs.AddRange(p.Inner);
            if (p.Tail > 0)
            {
                openStart = p.StartFrame + p.Frames - p.Tail;
                openLength = p.Tail;
            }
        }

        Close();
        return runs;
    }
}
