using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using AngleSharp.Html.Dom;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests;

/// A file to attach to a multipart form.
public sealed record FormFile(string FieldName, string FileName, byte[] Content, string ContentType);

/// Submitting a page's real form as a browser would: every field it holds (the antiforgery token
/// included) with the test's values on top. The client keeps cookies between requests.
public static class PageForms
{
    /// Opens the link to <paramref name="pathPart"/> in the latest e-mail to the address and
    /// presses the button behind it, as the person reading the e-mail would.
    public static async Task<HttpResponseMessage> PressMailedLinkAsync(this HttpClient client, MelokalFactory site, string email, string pathPart)
    {
        var mail = site.MailTo(email).Last(m => m.Contains(pathPart, StringComparison.Ordinal));
        var link = System.Text.RegularExpressions.Regex.Match(mail, @"https?://\S+" + System.Text.RegularExpressions.Regex.Escape(pathPart) + @"\S*").Value;
        var page = await client.GetPageAsync(new Uri(link).PathAndQuery);
        return await client.SubmitAsync(page, "main form");
    }

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await SiteFixture.ParseAsync(response);
    }

    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyList<FormFile>? files = null, string? submitName = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var fields = FieldsOf(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(field => field.Key == name);
            fields.Add(new(name, value));
        }
        if (submitName is not null)
        {
            var button = form.QuerySelector($"button[name='{submitName}'], input[type=submit][name='{submitName}']");
            fields.Add(new(submitName, button?.GetAttribute("value") ?? ""));
        }

        var action = new Uri(new Uri(page.Url), string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action"));
        HttpContent content;
        if (files is { Count: > 0 } || form.Enctype == "multipart/form-data")
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var file in files ?? [])
            {
                var part = new ByteArrayContent(file.Content);
                part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
                multipart.Add(part, file.FieldName, file.FileName);
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }
        return client.PostAsync(action.PathAndQuery, content);
    }

    /// Which site each client talks to, so a log-in can read the account's authenticator key.
    private static readonly ConditionalWeakTable<HttpClient, WebApplicationFactory<Program>> _sites = new();

    /// Ties a client to its site; <see cref="SiteFixture.CreateClient"/> does it for you.
    public static HttpClient ForSite(this HttpClient client, WebApplicationFactory<Program> site)
    {
        _sites.AddOrUpdate(client, site);
        return client;
    }

    /// Logs in through /akun/masuk as a person would, and fails the test unless the site accepted
    /// it. Works for any account: when the site asks for the second step it types the code the
    /// account's authenticator app would show (computed from the key in the database), and a
    /// Staff or Admin account without two-factor sign-in yet is set up through /akun/dua-langkah
    /// with a link issued as an admin would, so a test can open /admin straight after. The client must come from site.CreateClient();
    /// for any other client use <c>client.LogInAsync(site, email, password)</c>.
    public static Task LogInAsync(this HttpClient client, string email, string password) =>
        _sites.TryGetValue(client, out var site)
            ? client.LogInAsync(site, email, password)
            : throw new InvalidOperationException(
                "This client does not know its site: create it with site.CreateClient(), or call client.LogInAsync(site, email, password).");

    public static Task LogInAsync(this HttpClient client, SiteFixture site, string email, string password) =>
        client.LogInAsync(site.Factory, email, password);

    public static async Task LogInAsync(this HttpClient client, WebApplicationFactory<Program> site, string email, string password)
    {
        // Staff and admins set up two-factor sign-in only with an admin's link: issued before the
        // log-in, since issuing it ends the account's sessions.
        var enrolmentLink = await NeedsTwoFactorSetupAsync(site, email) ? await IssueEnrolmentLinkAsync(site, email) : null;
        var page = await client.GetPageAsync("/akun/masuk");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Log-in as {email} answered {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        if (location.StartsWith(SecondStepPath, StringComparison.Ordinal))
        {
            var step = await client.GetPageAsync(location);
            response = await client.SubmitAsync(step, "main form", new Dictionary<string, string>
            {
                ["Input.Code"] = await AuthenticatorCodeAsync(site, email),
            });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.StartsWith("/akun/masuk", StringComparison.Ordinal),
                $"The second log-in step as {email} answered {(int)response.StatusCode}");
        }
        if (enrolmentLink is not null)
        {
            await client.SetUpTwoFactorAsync(enrolmentLink);
        }
    }

    /// The one-time set-up link an admin would issue at /admin/pengguna/{id}: its token.
    public static async Task<string> IssueEnrolmentLinkAsync(WebApplicationFactory<Program> site, string email)
    {
        using var scope = site.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account {email}.");
        return await scope.ServiceProvider.GetRequiredService<TwoFactorEnrolmentLinks>().IssueAsync(user);
    }

    /// Turns on two-factor sign-in for the signed-in account through /akun/dua-langkah, reading
    /// the key from the page as a person would type it into their app. Returns the key and the
    /// recovery codes the page shows once. Staff and admins need the token of an admin's link.
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpTwoFactorAsync(this HttpClient client, string? enrolmentLink = null)
    {
        var page = await client.GetPageAsync("/akun/dua-langkah" + (enrolmentLink is null ? "" : "?undangan=" + Uri.EscapeDataString(enrolmentLink)));
        var key = (page.QuerySelector("#authenticator-key")?.TextContent
            ?? throw new InvalidOperationException("/akun/dua-langkah shows no key: is two-factor sign-in already on?")).Replace(" ", "", StringComparison.Ordinal);
        var response = await client.SubmitAsync(page, "#enable-form", new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Setting up two-factor sign-in answered {(int)response.StatusCode}");
        var result = await SiteFixture.ParseAsync(response);
        var codes = result.QuerySelectorAll(".recovery-codes code").Select(code => code.TextContent.Trim()).ToList();
        Assert.True(codes.Count > 0, "Setting up two-factor sign-in showed no recovery codes: " + result.QuerySelector("main")?.TextContent);
        return (key, codes);
    }

    /// A code the account's authenticator app shows now or within the next minute, of a time step
    /// the site has not accepted yet: it accepts each step once.
    public static async Task<string> AuthenticatorCodeAsync(WebApplicationFactory<Program> site, string email)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key.");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Totp.StepSeconds;
        var step = Math.Max(now, (user.LastAuthenticatorStep ?? 0) + 1);
        if (step > now + 1)
        {
            // A person would wait for the next code; a test that signs the same account in many
            // times a minute makes the site forget the steps it used instead.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAuthenticatorStep, (long?)null));
            step = now;
        }
        return Totp.Code(Totp.FromBase32(key), step);
    }

    public const string SecondStepPath = "/akun/masuk/dua-langkah";

    private static async Task<bool> NeedsTwoFactorSetupAsync(WebApplicationFactory<Program> site, string email)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.TwoFactorEnabled)
        {
            return false;
        }
        var roles = await users.GetRolesAsync(user);
        return roles.Any(role => Roles.NeedTwoFactor.Contains(role));
    }

    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file" or "image"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }
                    fields.Add(new(input.Name, input.Type is "checkbox" && !input.HasAttribute("value") ? "true" : input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        fields.Add(new(select.Name, option.Value));
                    }
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name, textArea.Value));
                    break;
            }
        }
        return fields;
    }
}
