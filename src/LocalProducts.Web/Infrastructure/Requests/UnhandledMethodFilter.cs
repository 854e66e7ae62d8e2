using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LocalProducts.Web.Infrastructure.Requests;

/// Razor Pages run a page even when no handler takes the request's method (TRACE, PUT, a POST to a
/// page that only reads): the page then renders without its data and fails with a 500. Such a
/// request is answered 405 with the methods the page takes. GET and HEAD always render a page.
internal sealed class UnhandledMethodFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // The error page renders for whatever method the failed request had.
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (context.HandlerMethod is null && !reExecuted)
        {
            var allowed = new SortedSet<string>(StringComparer.Ordinal) { HttpMethods.Get, HttpMethods.Head };
            foreach (var handler in context.ActionDescriptor.HandlerMethods)
            {
                allowed.Add(handler.HttpMethod.ToUpperInvariant());
            }
            if (!allowed.Contains(http.Request.Method.ToUpperInvariant()))
            {
                http.Response.Headers.Allow = string.Join(", ", allowed);
                // A bare answer: the error page would be run again with the same method.
                http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return Task.CompletedTask;
            }
        }
        return next();
    }
}
