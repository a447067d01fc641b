using System.Net;

namespace MixFleet.Notifications;

/// <summary>Object keys as S3 notifications carry them.</summary>
public static class S3ObjectKeys
{
    /// <summary>
    /// Decodes a key as S3 encodes it in notifications, form-style: <c>+</c> is a space and <c>%XX</c> a UTF-8 byte
    /// (<c>My+Album/01+Intro%21.wav</c> is <c>My Album/01 Intro!.wav</c>; a literal plus arrives as <c>%2B</c>).
    /// </summary>
    public static string Decode(string encoded) => WebUtility.UrlDecode(encoded);
}
