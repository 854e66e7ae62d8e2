using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalProducts.Web.Pages;

/// Small helpers for accessible forms: aria-invalid on fields with errors.
public static class FormState
{
    /// "true" when the field has an error, null (no attribute) otherwise.
    public static string? Invalid(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "true" : null;
}

/// A form error found by a command, for the page to show beside its field ("" for the whole form).
public sealed record FormError(string Field, string Message);

/// One field of a form both as saved by someone else meanwhile and as the user typed it.
public sealed record ConflictRow(string Label, string? Saved, string? Typed);

public enum SaveOutcome
{
    Saved,
    Invalid,
    /// Someone saved first: nothing was saved; the page shows both versions.
    Conflict,
    /// Not there, or not the user's: the page answers 404 either way.
    NotFound,
}

/// What a save command tells its page.
public sealed record SaveResult(
    SaveOutcome Outcome,
    IReadOnlyList<FormError> Errors,
    IReadOnlyList<ConflictRow> Conflict,
    uint CurrentVersion,
    string? Notice,
    int? Id)
{
    public static readonly SaveResult NotFound = new(SaveOutcome.NotFound, [], [], 0, null, null);

    public static SaveResult Invalid(IReadOnlyList<FormError> errors) => new(SaveOutcome.Invalid, errors, [], 0, null, null);

    public static SaveResult Conflicted(IReadOnlyList<ConflictRow> rows, uint currentVersion) =>
        new(SaveOutcome.Conflict, [], rows, currentVersion, null, null);

    public static SaveResult Saved(string notice, int id) => new(SaveOutcome.Saved, [], [], 0, notice, id);
}
