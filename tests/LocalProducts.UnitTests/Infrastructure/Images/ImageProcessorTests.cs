using System.Xml.Linq;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using SkiaSharp;

namespace LocalProducts.UnitTests.Infrastructure.Images;

public sealed class ImageProcessorTests
{
    private static ImageOutcome<ProcessedImage> Process(byte[] bytes, ImagePurpose purpose = ImagePurpose.ProductPhoto) =>
        ImageProcessor.ProcessAsync(new MemoryStream(bytes), purpose, CancellationToken.None).GetAwaiter().GetResult();

    public static TheoryData<string> Formats => ["jpeg", "png", "webp"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Process_ValidPhoto_IsAcceptedWithWebpCopiesAndOneJpeg(string format)
    {
        var bytes = format switch
        {
            "jpeg" => TestImages.Jpeg(800, 600),
            "png" => TestImages.Png(800, 600),
            _ => TestImages.Webp(800, 600),
        };

        var outcome = Process(bytes);

        Assert.True(outcome.Succeeded, outcome.Failure?.Problem.ToString());
        Assert.Equal((800, 600), (outcome.Value.Width, outcome.Value.Height));
        Assert.Equal([160, 320, 640, 800], outcome.Value.Widths);
        foreach (var variant in outcome.Value.Variants)
        {
            using var codec = SKCodec.Create(new MemoryStream(variant.Bytes));
            Assert.Equal(variant.Format == ImageVariantFormat.Webp ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal((variant.Width, variant.Height), (codec.Info.Width, codec.Info.Height));
            Assert.Equal(variant.Width * 3 / 4, variant.Height);
        }
        Assert.Equal((800, 600), (outcome.Value.Share.Width, outcome.Value.Share.Height));
    }

    [Fact]
    public void Process_LargePhoto_MakesEveryWidthUpTo1280AndA1200JpegForPreviews()
    {
        var outcome = Process(TestImages.Jpeg(2400, 1800));

        Assert.True(outcome.Succeeded);
        Assert.Equal((2400, 1800), (outcome.Value.Width, outcome.Value.Height));
        Assert.Equal([160, 320, 640, 960, 1280], outcome.Value.Widths);
        Assert.Equal((1200, 900), (outcome.Value.Share.Width, outcome.Value.Share.Height));
    }

    [Fact]
    public void Process_SmallPhoto_IsNeverUpscaled()
    {
        var outcome = Process(TestImages.Png(300, 250));

        Assert.True(outcome.Succeeded);
        Assert.Equal([160, 300], outcome.Value.Widths);
        Assert.All(outcome.Value.Variants, v => Assert.True(v.Width <= 300 && v.Height <= 250, $"{v.Format} {v.Width}x{v.Height}"));
        Assert.Equal(300, outcome.Value.Share.Width);
    }

    [Fact]
    public void Process_ShellScriptNamedJpg_IsRefusedAsNotAnImage()
    {
        var outcome = Process(TestImages.ShellScript());

        Assert.False(outcome.Succeeded);
        Assert.Equal(ImageProblem.NotAnImage, outcome.Failure.Problem);
    }

    [Fact]
    public void Process_Gif_IsRefusedAsNotAnImage()
    {
        Assert.Equal(ImageProblem.NotAnImage, Process(TestImages.Gif()).Failure?.Problem);
    }

    [Fact]
    public void Process_ScriptBehindJpegMagicBytes_IsRefusedAsUnreadable()
    {
        byte[] disguised = [0xFF, 0xD8, 0xFF, 0xE0, .. TestImages.ShellScript()];

        Assert.Equal(ImageProblem.Unreadable, Process(disguised).Failure?.Problem);
    }

    [Fact]
    public void Process_TruncatedJpeg_IsRefusedAsUnreadable()
    {
        var jpeg = TestImages.Jpeg(800, 600);

        var outcome = Process(jpeg[..(jpeg.Length / 2)]);

        Assert.Equal(ImageProblem.Unreadable, outcome.Failure?.Problem);
    }

    [Fact]
    public void Process_FiveMegabytesAndOneByte_IsRefusedAsTooLarge()
    {
        var jpeg = TestImages.Jpeg(400, 300);
        var oversize = new byte[ImageRules.MaxUploadBytes + 1];
        jpeg.CopyTo(oversize, 0);

        var outcome = Process(oversize);

        Assert.Equal(ImageProblem.TooLarge, outcome.Failure?.Problem);
    }

    [Fact]
    public async Task ReadAtMost_EndlessStream_StopsAfterLimitPlusOneByte()
    {
        var endless = new EndlessStream();

        var bytes = await ImageProcessor.ReadAtMostAsync(endless, ImageRules.MaxUploadBytes, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Equal(ImageRules.MaxUploadBytes + 1L, endless.Served);
    }

    [Fact]
    public async Task ReadAtMost_ExactlyTheLimit_ReturnsEveryByte()
    {
        var bytes = await ImageProcessor.ReadAtMostAsync(new MemoryStream(new byte[ImageRules.MaxUploadBytes]), ImageRules.MaxUploadBytes, CancellationToken.None);

        Assert.Equal(ImageRules.MaxUploadBytes, bytes?.Length);
    }

    [Fact]
    public void Process_EmptyFile_AsksForAFile()
    {
        Assert.Equal(ImageProblem.Missing, Process([]).Failure?.Problem);
    }

    [Fact]
    public void Process_PhotoBelowMinimumSize_IsRefusedWithTheMinimum()
    {
        var outcome = Process(TestImages.Jpeg(400, 150));

        Assert.Equal(ImageProblem.TooSmall, outcome.Failure?.Problem);
        Assert.Equal(200, outcome.Failure?.MinShortSide);
    }

    [Fact]
    public void Process_QrisScreenshot_KeepsEveryPixelInLosslessWebpAndIsNeverCropped()
    {
        var png = TestImages.QrLikePng(640, 1000);

        var outcome = Process(png, ImagePurpose.Qris);

        Assert.True(outcome.Succeeded, outcome.Failure?.Problem.ToString());
        Assert.Equal([320, 640], outcome.Value.Widths);
        var copies = outcome.Value.Variants.Where(v => v.Format == ImageVariantFormat.Webp).ToList();
        // The whole screenshot, its proportions kept: 640 × 1000 and 320 × 500.
        Assert.Equal([(320, 500), (640, 1000)], copies.Select(c => (c.Width, c.Height)));
        Assert.All(copies, c => Assert.True(TestImages.Contains(c.Bytes, "VP8L"u8), "a QRIS copy was encoded lossy"));
        using var original = SKBitmap.Decode(png);
        using var full = SKBitmap.Decode(copies.Single(c => c.Width == 640).Bytes);
        for (var y = 0; y < original.Height; y += 7)
        {
            for (var x = 0; x < original.Width; x += 7)
            {
                Assert.Equal(original.GetPixel(x, y), full.GetPixel(x, y));
            }
        }
    }

    [Fact]
    public void Process_QrisBelow200Pixels_IsRefusedWithTheMinimum()
    {
        var outcome = Process(TestImages.QrLikePng(190, 400), ImagePurpose.Qris);

        Assert.Equal(ImageProblem.TooSmall, outcome.Failure?.Problem);
        Assert.Equal(200, outcome.Failure?.MinShortSide);
    }

    [Fact]
    public void Process_SmallLogo_IsAcceptedWithLogoWidths()
    {
        var outcome = Process(TestImages.Png(150, 150), ImagePurpose.IkmLogo);

        Assert.True(outcome.Succeeded);
        Assert.Equal([96, 150], outcome.Value.Widths);
    }

    [Theory]
    [InlineData(8000, 6000)]
    [InlineData(12_000, 300)]
    public void Process_HeaderClaimingTooManyPixels_IsRefusedBeforeDecoding(int width, int height)
    {
        var bomb = TestImages.PngClaiming(width, height);

        var outcome = Process(bomb);

        Assert.True(bomb.Length < 200);
        Assert.Equal(ImageProblem.TooManyPixels, outcome.Failure?.Problem);
    }

    [Fact]
    public void Process_JpegWithExifAndGps_LeavesNoMetadataInAnyCopy()
    {
        var upload = TestImages.WithExif(TestImages.Jpeg(800, 600), orientation: 1);
        Assert.True(TestImages.Contains(upload, "Exif\0\0"u8));
        Assert.True(TestImages.Contains(upload, "RAHASIA"u8));

        var outcome = Process(upload);

        Assert.True(outcome.Succeeded);
        Assert.All(outcome.Value.Variants, v =>
        {
            Assert.False(TestImages.Contains(v.Bytes, "Exif"u8), $"{v.Format} {v.Width} has an Exif block");
            Assert.False(TestImages.Contains(v.Bytes, "EXIF"u8), $"{v.Format} {v.Width} has an EXIF chunk");
            Assert.False(TestImages.Contains(v.Bytes, "XMP"u8), $"{v.Format} {v.Width} has XMP");
            Assert.False(TestImages.Contains(v.Bytes, "RAHASIA"u8), $"{v.Format} {v.Width} kept the description");
        });
    }

    [Fact]
    public void Process_JpegTurnedByExif_IsStoredUpright()
    {
        // Taken with the phone on its side: 400×300 pixels, EXIF says "turn 90° clockwise to view".
        var upload = TestImages.WithExif(TestImages.Jpeg(400, 300), orientation: 6);

        var outcome = Process(upload);

        Assert.True(outcome.Succeeded);
        Assert.Equal((300, 400), (outcome.Value.Width, outcome.Value.Height));
        var largest = outcome.Value.Variants.Single(v => v.Format == ImageVariantFormat.Webp && v.Width == 300);
        Assert.Equal(400, largest.Height);
        // The red top-left quadrant is now top right.
        AssertRed(TestImages.PixelAt(largest.Bytes, 225, 100));
        AssertBlue(TestImages.PixelAt(largest.Bytes, 75, 100));
        AssertBlue(TestImages.PixelAt(largest.Bytes, 225, 300));
        AssertRed(TestImages.PixelAt(outcome.Value.Share.Bytes, 225, 100));
    }

    [Fact]
    public void Process_NoOrientation_KeepsPixelsWhereTheyWere()
    {
        var outcome = Process(TestImages.Jpeg(400, 300));

        var largest = outcome.Value!.Variants.Single(v => v.Format == ImageVariantFormat.Webp && v.Width == 400);
        AssertRed(TestImages.PixelAt(largest.Bytes, 100, 75));
        AssertBlue(TestImages.PixelAt(largest.Bytes, 300, 75));
    }

    [Fact]
    public void Sniff_ReadsFormatFromContentNotName()
    {
        Assert.Equal(SKEncodedImageFormat.Jpeg, ImageProcessor.Sniff(TestImages.Jpeg(10, 10)));
        Assert.Equal(SKEncodedImageFormat.Png, ImageProcessor.Sniff(TestImages.Png(10, 10)));
        Assert.Equal(SKEncodedImageFormat.Webp, ImageProcessor.Sniff(TestImages.Webp(10, 10)));
        Assert.Null(ImageProcessor.Sniff(TestImages.Gif()));
        Assert.Null(ImageProcessor.Sniff("RIFF0000WAVE"u8));
    }

    [Fact]
    public void EveryImageProblem_HasAnEnglishTranslation()
    {
        var english = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "LocalProducts.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(Enum.GetValues<ImageProblem>(), problem => Assert.Contains(new ImageFailure(problem).MessageKey, english));
    }

    [Theory]
    [InlineData(2400, new[] { 160, 320, 640, 960, 1280 })]
    [InlineData(1280, new[] { 160, 320, 640, 960, 1280 })]
    [InlineData(1000, new[] { 160, 320, 640, 960, 1000 })]
    [InlineData(200, new[] { 160, 200 })]
    public void PhotoPolicy_WidthsFor_ListsFixedWidthsBelowTheUploadAndNoWider(int uploadWidth, int[] expected)
    {
        Assert.Equal(expected, ImageRules.For(ImagePurpose.ProductPhoto).WidthsFor(uploadWidth));
    }

    private static void AssertRed(SKColor color) => Assert.True(color.Red > 200 && color.Blue < 80, $"expected red, got {color}");

    private static void AssertBlue(SKColor color) => Assert.True(color.Blue > 200 && color.Red < 80, $"expected blue, got {color}");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LocalProducts.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("LocalProducts.sln not found above the test binaries.");
    }

    /// Zero bytes for ever, counting how many were handed out.
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
