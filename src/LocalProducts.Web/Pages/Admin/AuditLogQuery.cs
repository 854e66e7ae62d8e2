using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin;

/// The audit viewer's filters, from the query string. Dates are WIB calendar days, both included.
public sealed record AuditFilter(string? Actor, string? EntityType, string? EntityId, string? Action, DateOnly? From, DateOnly? To, int Page);

public sealed record AuditRow(
    long Id, DateTimeOffset At, Guid? ActorId, string? ActorName, string? ActorEmail, string? ActorRole,
    string EntityType, string EntityId, string Action, IReadOnlyList<(string Field, string? Old, string? New, bool IsChange)> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageCount, IReadOnlyList<string> EntityTypes, bool UnknownActor);

/// The audit log, newest first, filtered and paged.
public sealed class AuditLogQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> RunAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        var unknownActor = false;
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            Guid? actorId = Guid.TryParse(actor, out var id) ? id : null;
            if (actorId is null)
            {
                var normalized = actor.ToUpperInvariant();
                actorId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            }
            unknownActor = actorId is null;
            entries = entries.Where(a => a.ActorId == actorId);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(a => a.EntityType == filter.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var entityId = filter.EntityId.Trim();
            entries = entries.Where(a => a.EntityId == entityId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(a => a.Action == filter.Action);
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
            entries = entries.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
            entries = entries.Where(a => a.At < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await (
                from a in entries
                join u in db.Users on a.ActorId equals u.Id into actors
                from u in actors.DefaultIfEmpty()
                orderby a.At descending, a.Id descending
                select new { a.Id, a.At, a.ActorId, Name = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email, a.ActorRole, a.EntityType, a.EntityId, a.Action, a.Changes })
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(
            [.. rows.Select(r => new AuditRow(r.Id, r.At, r.ActorId, r.Name, r.Email, r.ActorRole, r.EntityType, r.EntityId, r.Action, FieldChanges.Read(r.Changes)))],
            total, page, pageCount, AuditEntityTypes.All, unknownActor);
    }
}
