using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LocalProducts.Web.Infrastructure.Images;

/// What a page needs to show a stored image, read in the page's own query.
public sealed record StoredImageView(Guid Id, int Width, int Height, int[] Widths, int ShareWidth)
{
    public string ShareUrl => MediaUrls.Jpeg(Id, ShareWidth);

    public int ShareHeight => Math.Max(1, (int)Math.Round(ShareWidth * (double)Height / Width, MidpointRounding.AwayFromZero));
}

/// <c>&lt;stored-image image="…" alt="…" sizes="…" /&gt;</c> writes an img with every WebP copy in
/// srcset, so a phone downloads the smallest copy that is sharp at its width, and width and height
/// so the page does not jump while it loads. Lazy unless <see cref="Priority"/> (the first photo
/// above the fold). Writes nothing for a null image: the caller shows its placeholder.
[HtmlTargetElement("stored-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StoredImageTagHelper : TagHelper
{
    /// The src for browsers that ignore srcset: the largest copy up to this width.
    public const int FallbackWidth = 640;

    public StoredImageView? Image { get; set; }
    public string Alt { get; set; } = "";
    /// The width the image takes in the layout, per viewport (the img sizes attribute).
    public string Sizes { get; set; } = "100vw";
    /// Leaves wider copies out of srcset: keeps a page's first view light on high-density phones.
    public int MaxWidth { get; set; } = int.MaxValue;
    /// Loaded first (eager, fetchpriority high): only for the one image that is the page's largest paint.
    public bool Priority { get; set; }
    public string? Class { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Image is not { Widths.Length: > 0 } image)
        {
            output.SuppressOutput();
            return;
        }
        var widths = image.Widths.Where(w => w <= MaxWidth).ToList();
        if (widths.Count == 0)
        {
            widths.Add(image.Widths.Min());
        }
        var fallback = widths.LastOrDefault(w => w <= FallbackWidth, widths[0]);

        output.TagName = "img";
        output.TagMode = TagMode.StartTagOnly;
        output.Attributes.SetAttribute("src", MediaUrls.Webp(image.Id, fallback));
        output.Attributes.SetAttribute("srcset", string.Join(", ", widths.Select(w => $"{MediaUrls.Webp(image.Id, w)} {w}w")));
        output.Attributes.SetAttribute("sizes", Sizes);
        output.Attributes.SetAttribute("width", image.Width);
        output.Attributes.SetAttribute("height", image.Height);
        output.Attributes.SetAttribute("alt", Alt);
        if (Class is not null)
        {
            output.Attributes.SetAttribute("class", Class);
        }
        if (Priority)
        {
            output.Attributes.SetAttribute("loading", "eager");
            output.Attributes.SetAttribute("fetchpriority", "high");
        }
        else
        {
            output.Attributes.SetAttribute("loading", "lazy");
            output.Attributes.SetAttribute("decoding", "async");
        }
    }
}
