using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Infrastructure;

/// Model binding's own messages ("The value 'abc' is not valid for …") in the reader's language,
/// for numbers, dates and choices typed wrongly into a form.
internal sealed class ModelBindingMessages(IStringLocalizer<SharedResource> text) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["Isian '{0}' tidak valid untuk {1}.", value, field]);
        messages.SetValueIsInvalidAccessor(value => text["Isian '{0}' tidak valid.", value]);
        messages.SetValueMustBeANumberAccessor(field => text["{0} harus berupa angka.", field]);
        messages.SetValueMustNotBeNullAccessor(field => text["Isi {0}.", field]);
        messages.SetMissingBindRequiredValueAccessor(field => text["Isi {0}.", field]);
        messages.SetMissingKeyOrValueAccessor(() => text["Isian wajib diisi."]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["Isian untuk {0} tidak valid.", field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Isian '{0}' tidak valid.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Isian tidak valid."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Isian harus berupa angka."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Isian wajib diisi."]);
    }
}
