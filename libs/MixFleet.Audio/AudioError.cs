using System.Globalization;

namespace MixFleet.Audio;

/// <summary>Builds <see cref="AudioDecodeException"/>s whose details are formatted invariantly (<c>1,000,000 bytes</c>).</summary>
internal static class AudioError
{
    public static AudioDecodeException Create(AudioErrorCode code, string name, FormattableString detail, Exception? inner = null)
        => new(code, name, detail.ToString(CultureInfo.InvariantCulture), inner);
}
