using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.Events;

public sealed record EventForm(
    int? Id, uint Version, string Title, string? Slug, int? CampaignId, DateTimeOffset StartsAt, DateTimeOffset? EndsAt,
    string? Place, string? OnlineUrl, int Capacity, string? Description, EventState State);

public sealed class SaveEventCommand(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<CommandResult> RunAsync(EventForm form, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slug.From(form.Title) : Slug.From(form.Slug);
        CampaignEvent? ev;
        if (form.Id is { } id)
        {
            ev = await db.Events.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (ev is null)
            {
                return CommandResult.NotFound;
            }
            // The version the form was read at: a save over someone else's newer one is a conflict.
            db.Entry(ev).Property(e => e.Version).OriginalValue = form.Version;
        }
        else
        {
            ev = new CampaignEvent { Slug = slug, Title = form.Title, CreatedAt = now };
            db.Events.Add(ev);
        }
        if (await db.Events.AnyAsync(e => e.Slug == slug && e.Id != ev.Id, cancellationToken))
        {
            return CommandResult.Invalid("Input.Slug", text["Alamat ini sudah dipakai acara lain. Pilih yang lain."]);
        }
        ev.Slug = slug;
        ev.Title = form.Title.Trim();
        ev.CampaignId = form.CampaignId;
        ev.StartsAt = form.StartsAt.ToUniversalTime();
        ev.EndsAt = form.EndsAt?.ToUniversalTime();
        ev.Place = form.Place?.Trim();
        ev.OnlineUrl = form.OnlineUrl?.Trim();
        ev.Capacity = form.Capacity;
        ev.Description = form.Description;
        ev.State = form.State;
        ev.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflicted(null, text["Acara ini baru saja diubah orang lain. Muat ulang halaman untuk melihat versi terbaru; isian Anda belum disimpan."]);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CommandResult.Invalid("Input.Slug", text["Alamat ini sudah dipakai acara lain. Pilih yang lain."]);
        }
        return CommandResult.Saved(id: ev.Id);
    }
}
