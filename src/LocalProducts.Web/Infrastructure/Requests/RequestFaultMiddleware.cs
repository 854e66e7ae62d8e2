using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Infrastructure.Requests;

/// Two failures that are not bugs, answered without a stack trace and logged once:
/// a request the client abandoned (logged as cancelled, status 499, nothing sent), and a database
/// that is down or out of connections (a warning with the error's type; readers get a small
/// "sebentar" page and the API a problem, both 503 with Retry-After). The page is written here,
/// without the layout, because the layout reads the database. Everything else goes on to the
/// exception handler as before. Sits inside the request log, so that log sees the status.
internal sealed class RequestFaultMiddleware(RequestDelegate next, ILogger<RequestFaultMiddleware> logger, IStringLocalizer<SharedResource> text)
{
    /// Set on a request answered here: the request log keeps its own line about it at Debug.
    public const string HandledItem = "Melokal.RequestFaultHandled";

    public const int ClientClosedRequest = StatusCodes.Status499ClientClosedRequest;

    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsAbandoned(ex, context))
        {
            context.Items[HandledItem] = true;
            logger.LogInformation("Request {RequestMethod} {RequestPath} cancelled by the client", context.Request.Method, context.Request.Path.Value);
            // Nobody is there to read an error page.
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
        catch (Exception ex) when (!context.Response.HasStarted && DatabaseOutage.Find(ex) is { } outage)
        {
            context.Items[HandledItem] = true;
            logger.LogWarning("Database unavailable: {RequestMethod} {RequestPath} answered 503 ({DatabaseError}: {DatabaseErrorMessage})",
                context.Request.Method, context.Request.Path.Value, DatabaseOutage.Describe(outage), outage.Message);
            await WriteUnavailableAsync(context);
        }
    }

    /// Cancelled by the client: the request's own token fired, and what broke is the cancellation
    /// (or the connection it tore down), however deep Npgsql or EF Core wrapped it.
    internal static bool IsAbandoned(Exception exception, HttpContext context)
    {
        if (!context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OperationCanceledException or IOException)
            {
                return true;
            }
        }
        return false;
    }

    private async Task WriteUnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var heading = text["Situs sedang pulih"];
        var explanation = text["Sebentar ya, situs sedang pulih. Coba lagi dalam beberapa detik."];
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await response.WriteAsJsonAsync(
                new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = heading, Detail = explanation },
                options: null, contentType: "application/problem+json", cancellationToken: context.RequestAborted);
            return;
        }
        var html = HtmlEncoder.Default;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(heading)} · Melokal</title>
            </head>
            <body>
            <main>
            <h1>{html.Encode(heading)}</h1>
            <p>{html.Encode(explanation)}</p>
            <p><a href="">{html.Encode(text["Coba lagi"])}</a></p>
            </main>
            </body>
            </html>
            """), context.RequestAborted);
    }
}
