using System.Text;

namespace MixFleet.Contracts.Keys;

/// <summary>
/// The object keys the fleet accepts from events and listings. A key that passes can be appended to a report prefix
/// without leaving it: no empty, <c>.</c> or <c>..</c> segment, no control character, valid UTF-8 of at most
/// <see cref="MaxBytes"/> bytes (S3's own limit).
/// </summary>
public static class ObjectKeyRules
{
    /// <summary>S3's limit on a key's UTF-8 length.</summary>
    public const int MaxBytes = 1024;

    /// <summary>The error code of a failure for an object whose key breaks these rules.</summary>
    public const string InvalidKeyCode = "invalid-key";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when <paramref name="key"/> is acceptable, else why not (safe to show: it does not echo the key).</summary>
    public static string? Check(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "the key is empty";
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException)
        {
            return "the key is not valid UTF-8 (a lone surrogate)";
        }

        if (bytes > MaxBytes)
        {
            return $"the key is {bytes} bytes long; S3 keys are at most {MaxBytes}";
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                return $"the key holds the control character U+{(int)c:X4}";
            }
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                // A trailing '/' is a folder marker, not an object: callers skip those before asking.
                return segment.Length == 0 ? "the key has an empty segment ('//', or a leading or trailing '/')" : $"the key has a '{segment}' segment";
            }
        }

        return null;
    }

    /// <summary>
    /// A refused key as it can be stored and shown: NUL and lone surrogates become U+FFFD (PostgreSQL text holds
    /// neither), and an over-long key is cut to 512 characters. For display only, never for a request.
    /// </summary>
    public static string Displayable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key)).Replace('\0', '\uFFFD');
        return text.Length <= 512 ? text : string.Concat(text.AsSpan(0, 511), "\u2026");
    }
}
