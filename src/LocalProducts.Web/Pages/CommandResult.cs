using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalProducts.Web.Pages;

public enum CommandStatus
{
    Saved,
    /// Refused with messages beside the fields ("" for the whole form); nothing was saved.
    Invalid,
    /// Someone saved first: nothing was saved; the page shows both versions.
    Conflict,
    /// Not there, or not the user's to see: the page answers 404 either way.
    NotFound,
    /// The user may see it but not do this to it: 403.
    Forbidden,
}

/// A form error found by a command, for the page to show beside its field ("" for the whole form).
public sealed record FormError(string Field, string Message);

/// One field of a form both as saved by someone else meanwhile and as the user typed it.
public sealed record ConflictRow(string Label, string? Saved, string? Typed);

/// The thing as it is saved now, for the second of two editors, with the version a deliberate
/// second save overwrites.
public abstract record SavedVersion(uint Version);

/// The fields that differ between what is saved and what was typed.
public sealed record FieldConflict(IReadOnlyList<ConflictRow> Rows, uint Version) : SavedVersion(Version);

/// What every command tells its page: one shape for every write on the site.
public sealed record CommandResult
{
    private CommandResult(CommandStatus status, IReadOnlyList<FormError> errors, string? notice, int? id, SavedVersion? current)
    {
        Status = status;
        Errors = errors;
        Notice = notice;
        Id = id;
        Current = current;
    }

    public CommandStatus Status { get; }
    public IReadOnlyList<FormError> Errors { get; }
    /// What the user is told after a save ("Produk ditambahkan…").
    public string? Notice { get; }
    /// The saved thing's id.
    public int? Id { get; }
    /// For a conflict: the thing as someone else saved it.
    public SavedVersion? Current { get; }

    public bool IsSaved => Status == CommandStatus.Saved;

    public static readonly CommandResult NotFound = new(CommandStatus.NotFound, [], null, null, null);

    public static readonly CommandResult Forbidden = new(CommandStatus.Forbidden, [], null, null, null);

    public static CommandResult Saved(string? notice = null, int? id = null) => new(CommandStatus.Saved, [], notice, id, null);

    public static CommandResult Invalid(IReadOnlyList<FormError> errors) => new(CommandStatus.Invalid, errors, null, null, null);

    public static CommandResult Invalid(string field, string message) => Invalid([new FormError(field, message)]);

    /// A conflict, with the saved version when the page shows it, and the message above the form.
    public static CommandResult Conflicted(SavedVersion? current, string? message = null) =>
        new(CommandStatus.Conflict, message is null ? [] : [new FormError("", message)], null, null, current);
}

public static class CommandResultModelState
{
    /// Puts a refused command's messages beside their fields. For a conflict the form takes the
    /// saved version, so a second save overwrites on purpose, after the user has seen both.
    public static void AddResult(this ModelStateDictionary modelState, CommandResult result, string versionKey = "Input.Version")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field, error.Message);
        }
        if (result.Status == CommandStatus.Conflict)
        {
            modelState.Remove(versionKey);
        }
    }
}
