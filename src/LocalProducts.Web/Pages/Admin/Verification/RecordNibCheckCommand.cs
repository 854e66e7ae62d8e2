using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Verification;

/// Staff record the day (WIB) they checked an IKM's NIB in OSS. Any day up to today; a new NIB
/// from the owner clears it (<see cref="Domain.Ikm.ChangedByOwner"/>).
public sealed class RecordNibCheckCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<RecordNibCheckCommand> logger)
{
    public const string Action = "nib-checked";

    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int ikmId, uint version, DateOnly? day, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.FirstOrDefaultAsync(i => i.Id == ikmId, cancellationToken);
        if (ikm is null || !(await authorization.AuthorizeAsync(user, ikm, Operations.Moderate)).Succeeded)
        {
            return CommandResult.NotFound;
        }
        var today = Wib.Today(clock);
        if (day is not { } checkedOn)
        {
            return CommandResult.Invalid("Input.CheckedOn", text["Isi tanggal pemeriksaan NIB."]);
        }
        if (checkedOn > today)
        {
            return CommandResult.Invalid("Input.CheckedOn", text["Tanggal pemeriksaan tidak boleh setelah hari ini ({0}).", SiteText.Date(today)]);
        }
        if (ikm.Version != version)
        {
            return Stale();
        }
        db.Entry(ikm).Property(i => i.Version).OriginalValue = version;
        ikm.RecordNibCheck(checkedOn, today);
        audit.Describe(ikm, Action, new Dictionary<string, object?> { ["nib"] = ikm.Nib, ["checkedOn"] = checkedOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale();
        }
        logger.LogInformation("NIB of IKM {IkmId} checked on {CheckedOn} by staff {StaffId}", ikm.Id, checkedOn, CurrentUser.IdOf(user));
        return CommandResult.Saved(text["Pemeriksaan NIB pada {0} dicatat.", SiteText.Date(checkedOn)], ikm.Id);
    }

    private CommandResult Stale() =>
        CommandResult.Conflicted(null, text["Data IKM ini diubah sejak halaman ini dibuka. Periksa NIB terbaru di bawah, lalu catat lagi."]);
}
