using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Infrastructure.RateLimiting;

/// Limits the POSTs of a Razor page per client address, across all instances:
/// <c>[RateLimitPosts(RateLimitBuckets.Register)]</c> on the page model. Over the limit the page
/// is shown again, with what the reader typed, a message and HTTP 429.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RateLimitPostsAttribute(string bucket) : Attribute, IFilterFactory
{
    public string Bucket { get; } = bucket;

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => new RateLimitPostsFilter(
        Bucket,
        serviceProvider.GetRequiredService<PostgresRateLimiter>(),
        serviceProvider.GetRequiredService<IStringLocalizer<SharedResource>>(),
        serviceProvider.GetRequiredService<TimeProvider>(),
        serviceProvider.GetRequiredService<ILogger<RateLimitPostsAttribute>>());
}

internal sealed class RateLimitPostsFilter(
    string bucket, PostgresRateLimiter limiter, IStringLocalizer<SharedResource> text, TimeProvider clock, ILogger logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && context.HandlerInstance is PageModel page)
        {
            var decision = await limiter.HitAsync(bucket, RateLimitKeys.ForAddress(http.Connection.RemoteIpAddress), http.RequestAborted);
            if (!decision.Allowed)
            {
                logger.LogWarning("Rate limit {Bucket} reached by a client address ({Hits} of {PermitLimit})", bucket, decision.Hits, decision.PermitLimit);
                context.Result = RateLimitResponse.Page(page, decision, text, clock);
                return;
            }
        }
        await next();
    }
}

/// The one answer to a refused request: the page again, a message in the reader's language that
/// says how long to wait, Retry-After and HTTP 429.
public static class RateLimitResponse
{
    public static PageResult Page(PageModel page, RateLimitDecision decision, IStringLocalizer text, TimeProvider clock)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((decision.WindowEnds - clock.GetUtcNow()).TotalSeconds));
        var minutes = (seconds + 59) / 60;
        page.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        page.ModelState.AddModelError(string.Empty, text["Terlalu banyak percobaan dalam waktu singkat. Tunggu {0} menit, lalu coba lagi.", minutes]);
        return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
    }
}
