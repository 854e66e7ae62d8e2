using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Infrastructure.Images;

/// Why an upload was refused. Each has a message for the person who uploaded it.
public enum ImageProblem
{
    /// No file, or an empty one.
    Missing = 1,
    /// More than 5 MB, by its bytes (never by what the request claims).
    TooLarge = 2,
    /// Not JPEG, PNG or WebP by its first bytes, whatever its name says (a script renamed .jpg, a GIF).
    NotAnImage = 3,
    /// Looks like an image but does not decode completely (cut short, damaged).
    Unreadable = 4,
    /// Claims more pixels than a photo needs: a possible decompression bomb, refused before decoding.
    TooManyPixels = 5,
    /// Shorter side below the purpose's minimum.
    TooSmall = 6,
    /// More uploads in the last hour than one person needs.
    TooManyUploads = 7,
}

/// A refused upload: the problem and the Indonesian message key (translated in SharedResource.en.resx).
public sealed record ImageFailure(ImageProblem Problem, int MinShortSide = 0)
{
    public const string MissingMessage = "Pilih berkas foto untuk diunggah.";
    public const string TooLargeMessage = "Berkas terlalu besar. Ukuran foto paling besar 5 MB.";
    public const string NotAnImageMessage = "Berkas ini bukan foto JPEG, PNG atau WebP. Pilih foto dengan salah satu format itu.";
    public const string UnreadableMessage = "Foto tidak dapat dibaca; berkasnya mungkin rusak atau terpotong. Simpan ulang fotonya lalu unggah lagi.";
    public const string TooManyPixelsMessage = "Ukuran foto terlalu besar dalam piksel (paling besar 10.000 piksel per sisi dan 24 megapiksel). Perkecil fotonya lalu unggah lagi.";
    public const string TooManyUploadsMessage = "Terlalu banyak foto diunggah dalam satu jam terakhir. Coba lagi nanti.";
    public const string TooSmallMessage = "Foto terlalu kecil: sisi terpendeknya harus paling sedikit {0} piksel.";

    public string MessageKey => Problem switch
    {
        ImageProblem.Missing => MissingMessage,
        ImageProblem.TooLarge => TooLargeMessage,
        ImageProblem.NotAnImage => NotAnImageMessage,
        ImageProblem.Unreadable => UnreadableMessage,
        ImageProblem.TooManyPixels => TooManyPixelsMessage,
        ImageProblem.TooSmall => TooSmallMessage,
        ImageProblem.TooManyUploads => TooManyUploadsMessage,
        _ => throw new InvalidOperationException($"No message for {Problem}."),
    };

    /// The message in the reader's language, for ModelState or a notice.
    public string Message(IStringLocalizer text) =>
        Problem == ImageProblem.TooSmall ? text[MessageKey, MinShortSide] : text[MessageKey];
}

/// Success with a value, or a failure with its message: uploads never throw for bad input.
public sealed class ImageOutcome<T>
    where T : class
{
    internal ImageOutcome(T? value, ImageFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public ImageFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;
}

public static class ImageOutcome
{
    public static ImageOutcome<T> Success<T>(T value)
        where T : class => new(value, null);

    public static ImageOutcome<T> Fail<T>(ImageProblem problem, int minShortSide = 0)
        where T : class => new(null, new ImageFailure(problem, minShortSide));

    public static ImageOutcome<T> Fail<T>(ImageFailure failure)
        where T : class => new(null, failure);
}
