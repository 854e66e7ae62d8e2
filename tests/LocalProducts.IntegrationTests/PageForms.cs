using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace LocalProducts.IntegrationTests;

/// A file to attach to a multipart form.
public sealed record FormFile(string FieldName, string FileName, byte[] Content, string ContentType);

/// Submitting a page's real form as a browser would: every field it holds (the antiforgery token
/// included) with the test's values on top. The client keeps cookies between requests.
public static class PageForms
{
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

    /// Logs in through /akun/masuk and fails the test unless the site accepted it.
    public static async Task LogInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/akun/masuk");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Log-in as {email} answered {(int)response.StatusCode}");
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
