using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LocalProducts.Web.Infrastructure.Images;

/// Put on a page model whose form posts an image. The request may be at most
/// <see cref="ImageRules.MaxRequestBytes"/> (a 5 MB photo and the form's fields): a file up to that
/// reaches the page, whose ImageStore answers "too large" next to the field with the other fields
/// kept. A larger request is not read further: it is answered with a redirect back to the page with
/// <c>?unggah=terlalu-besar</c>, which the upload field (_ImageUploadField) shows as the same
/// message, instead of Kestrel's bare 413 or an antiforgery 400.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ImageUploadLimitsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string FlagName = "unggah";
    public const string TooLargeFlag = "terlalu-besar";

    /// Before the antiforgery filter (order 1000), which reads the form to find its token.
    public int Order => 0;

    public static bool IsTooLargeFlagged(HttpRequest request) =>
        request.Query.TryGetValue(FlagName, out var value) && value == TooLargeFlag;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = ImageRules.MaxRequestBytes;
        }

        // The declared length only lets an honest client be answered without sending it all; the
        // limits below hold whatever it declared.
        var tooLarge = request.ContentLength > ImageRules.MaxRequestBytes;
        if (!tooLarge)
        {
            try
            {
                await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = ImageRules.MaxRequestBytes }, http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                tooLarge = true;
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge = true;
            }
        }
        if (!tooLarge)
        {
            return;
        }

        http.RequestServices.GetRequiredService<ILogger<ImageUploadLimitsAttribute>>()
            .LogInformation("Upload to {Path} refused: the request is larger than {Limit} bytes", request.Path, ImageRules.MaxRequestBytes);
        var query = QueryString.Create(request.Query
            .Where(q => q.Key is not ("handler" or FlagName))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new(FlagName, TooLargeFlag)));
        context.Result = new RedirectResult(request.PathBase + request.Path + query, permanent: false, preserveMethod: false);
        http.Response.Headers.Connection = "close";
    }
}
