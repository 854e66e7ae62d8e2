using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalProducts.Web.Pages;

/// Small helpers for accessible forms: aria-invalid on fields with errors.
public static class FormState
{
    /// "true" when the field has an error, null (no attribute) otherwise.
    public static string? Invalid(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "true" : null;
}
