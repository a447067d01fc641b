namespace MixFleet.Audio;

/// <summary>Recognises the PCM containers read in-process from their first bytes.</summary>
public static class ContainerSniffer
{
    /// <summary>Bytes needed to recognise a container.</summary>
    public const int HeaderLength = 12;

    /// <summary>
    /// True for RIFF/WAVE, RF64/WAVE, BW64/WAVE, FORM/AIFF and FORM/AIFC: containers the in-process readers handle.
    /// </summary>
    public static bool IsPcmContainer(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderLength)
        {
            return false;
        }

        var id = header[..4];
        var form = header.Slice(8, 4);
        return ((id.SequenceEqual("RIFF"u8) || id.SequenceEqual("RF64"u8) || id.SequenceEqual("BW64"u8)) && form.SequenceEqual("WAVE"u8))
            || (id.SequenceEqual("FORM"u8) && (form.SequenceEqual("AIFF"u8) || form.SequenceEqual("AIFC"u8)));
    }
}
