using System.Data;
using System.Text.RegularExpressions;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.Images;

/// Addresses of stored images' copies. An id never changes content, so they are cached for ever.
public static partial class MediaUrls
{
    /// An address under /media, the only place pictures of posts, campaigns and Markdown may come
    /// from. Only letters, digits and - _ . / after it, no "..", no "//": browsers drop tabs and
    /// line breaks from addresses and read "\" as "/", so "/\t/evil.example" was "//evil.example";
    /// and a picture from another page of the site (/keluar/…, /bahasa?ke=en) acted on every view.
    public static bool IsMediaPath(string? path) =>
        path is not null && MediaPath().IsMatch(path) && !path.Contains("..", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal);

    [GeneratedRegex(@"^/media/[A-Za-z0-9_./-]+\z")]
    private static partial Regex MediaPath();

    public static string Webp(Guid imageId, int width) => $"/media/{imageId:N}/{width}.webp";

    public static string Jpeg(Guid imageId, int width) => $"/media/{imageId:N}/{width}.jpg";
}

/// GET /media/{id}/{width}.webp and .jpg: one copy of a stored image, streamed from its bytea row.
public static class MediaEndpoints
{
    public const string CachePolicy = "Media";

    public static void MapMedia(this IEndpointRouteBuilder app)
    {
        // Per-instance output cache without the catalogue tag: edits never need to evict an image
        // (a new upload has a new id), it only spares the database during a spike.
        var media = app.MapGroup("/media").CacheOutput(CachePolicy);
        media.MapGet("/{id:guid}/{width:int}.webp", (Guid id, int width, HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
            ServeAsync(context, dataSource, id, width, ImageVariantFormat.Webp, cancellationToken));
        media.MapGet("/{id:guid}/{width:int}.jpg", (Guid id, int width, HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
            ServeAsync(context, dataSource, id, width, ImageVariantFormat.Jpeg, cancellationToken));
    }

    private static async Task ServeAsync(HttpContext context, NpgsqlDataSource dataSource, Guid id, int width, ImageVariantFormat format, CancellationToken cancellationToken)
    {
        var response = context.Response;
        await using var command = dataSource.CreateCommand(
            "SELECT byte_length, bytes FROM stored_image_variants WHERE image_id = $1 AND format = $2 AND width = $3");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)format });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = width });
        // Sequential access: the bytes go from the connection to the response in chunks, never
        // held whole in a managed array.
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // A bare 404: an img element shows no error page, so none is rendered for it.
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var length = reader.GetInt32(0);

        var etag = new EntityTagHeaderValue($"\"{id:N}-{width}-{format.ToString().ToLowerInvariant()}\"");
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } };
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = format == ImageVariantFormat.Webp ? "image/webp" : "image/jpeg";
        response.ContentLength = length;
        await using var bytes = await reader.GetStreamAsync(1, cancellationToken);
        await bytes.CopyToAsync(response.Body, cancellationToken);
    }
}
