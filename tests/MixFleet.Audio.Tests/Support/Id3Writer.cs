using System.Text;

namespace MixFleet.Audio.Tests.Support;

/// <summary>Builds ID3v2.3/2.4 tags with text frames, byte by byte.</summary>
internal static class Id3Writer
{
    public static byte[] Syncsafe(int v) => [(byte)((v >> 21) & 0x7F), (byte)((v >> 14) & 0x7F), (byte)((v >> 7) & 0x7F), (byte)(v & 0x7F)];

    /// <summary>A text frame body: encoding byte then the text encoded accordingly (UTF-16 with a little-endian BOM).</summary>
    public static byte[] TextBody(byte encoding, string text) => encoding switch
    {
        0 => [0, .. Encoding.Latin1.GetBytes(text)],
        1 => [1, 0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text), 0, 0],
        2 => [2, .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => [3, .. Encoding.UTF8.GetBytes(text), 0],
    };

    public static byte[] Frame(int version, string id, byte[] body)
    {
        var size = version == 4 ? Syncsafe(body.Length) : TestFileWriter.U32((uint)body.Length, bigEndian: true);
        return [.. Encoding.ASCII.GetBytes(id), .. size, 0, 0, .. body];
    }

    /// <summary>A whole tag with <paramref name="padding"/> zero bytes after the frames.</summary>
    public static byte[] Tag(int version, int padding, params byte[][] frames)
    {
        var body = TestFileWriter.Concat([.. frames, new byte[padding]]);
        return [.. "ID3"u8, (byte)version, 0, 0, .. Syncsafe(body.Length), .. body];
    }
}
