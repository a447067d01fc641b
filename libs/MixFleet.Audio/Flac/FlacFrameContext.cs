namespace MixFleet.Audio.Flac;

/// <summary>Where a frame is, for error messages raised while decoding it.</summary>
internal readonly record struct FlacFrameContext(string Name, long Offset)
{
    public AudioDecodeException Corrupt(FormattableString detail) => AudioError.Create(
        AudioErrorCode.CorruptFrame,
        Name,
        $"{detail.ToString(System.Globalization.CultureInfo.InvariantCulture)} (frame at offset {Offset:N0})");
}
