namespace MixFleet.Analysis.Tests.Support;

/// <summary>Fades in dB (a straight line in level, as a DAW's "exponential" fade): the shape mastering engineers draw.</summary>
internal static class Fades
{
    /// <summary>A copy of <paramref name="x"/> whose last <paramref name="seconds"/> fall linearly in dB from 0 to <paramref name="depthDb"/>.</summary>
    public static float[] Out(float[] x, int sampleRate, double seconds, double depthDb = -60)
    {
        var y = (float[])x.Clone();
        var n = (int)Math.Round(seconds * sampleRate);
        for (var i = 0; i < n; i++)
        {
            y[y.Length - n + i] *= (float)Math.Pow(10, depthDb * (i + 1) / n / 20);
        }

        return y;
    }

    /// <summary>A copy of <paramref name="x"/> whose first <paramref name="seconds"/> rise linearly in dB from <paramref name="depthDb"/> to 0.</summary>
    public static float[] In(float[] x, int sampleRate, double seconds, double depthDb = -60)
    {
        var y = (float[])x.Clone();
        var n = (int)Math.Round(seconds * sampleRate);
        for (var i = 0; i < n; i++)
        {
            y[i] *= (float)Math.Pow(10, depthDb * (n - i) / n / 20);
        }

        return y;
    }
}
