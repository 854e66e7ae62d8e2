using System.Globalization;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LocalProducts.Web.Infrastructure.Audit;

/// Writes an audit entry for every change people make to IKM, products, their certificates and
/// marketplace links, in the same transaction as the change: when SaveChanges starts without a
/// transaction this opens one, saves the change, adds the entries (new rows have their ids only
/// now) and commits both together. Changes made outside a request (seeding, jobs) are not
/// recorded. One instance per DbContext (scoped).
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private const string Ikm = AuditEntityTypes.Ikm;
    private const string Product = AuditEntityTypes.Product;

    private readonly Dictionary<object, (string Action, IReadOnlyDictionary<string, object?>? Details)> _descriptions =
        new(ReferenceEqualityComparer.Instance);
    private List<PendingEntry>? _pending;
    private AuditActorInfo? _actor;
    private IDbContextTransaction? _ownTransaction;
    private bool _writing;

    /// Names the next saved change of <paramref name="entity"/> ("verified" rather than "updated")
    /// and adds details such as the reason.
    public void Describe(object entity, string action, IReadOnlyDictionary<string, object?>? details = null) =>
        _descriptions[entity] = (action, details);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Capture(eventData.Context) is { } db && db.Database.CurrentTransaction is null)
        {
            _ownTransaction = db.Database.BeginTransaction();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context) is { } db && db.Database.CurrentTransaction is null)
        {
            _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_writing || _pending is null || eventData.Context is not { } db)
        {
            return result;
        }
        try
        {
            _writing = true;
            db.AddRange(ToEntries());
            db.SaveChanges();
            _ownTransaction?.Commit();
        }
        finally
        {
            _writing = false;
            End();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_writing || _pending is null || eventData.Context is not { } db)
        {
            return result;
        }
        try
        {
            _writing = true;
            db.AddRange(ToEntries());
            await db.SaveChangesAsync(cancellationToken);
            if (_ownTransaction is not null)
            {
                await _ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _writing = false;
            End();
        }
        return result;
    }

    // A failed save (a concurrency conflict, a unique index) writes no entry; disposing the
    // transaction this opened rolls it back.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon();
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon();
        return Task.CompletedTask;
    }

    /// The context when this save changes something worth recording.
    private DbContext? Capture(DbContext? context)
    {
        _pending = null;
        if (_writing || context is null || actor.Current() is not { } who)
        {
            return null;
        }
        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var deletedProducts = entries.Where(e => e is { Entity: Domain.Product, State: EntityState.Deleted })
            .Select(e => (int)e.Property(nameof(Domain.Product.Id)).OriginalValue!).ToHashSet();
        var pending = new List<PendingEntry>();
        foreach (var entry in entries)
        {
            var change = entry.Entity switch
            {
                Domain.Ikm => Root(entry, Ikm),
                Domain.Product => Root(entry, Product),
                Certification c when !deletedProducts.Contains(ParentId(entry)) =>
                    Child(entry, "certification", nameof(Certification.Kind), c.Kind),
                MarketplaceLink l when !deletedProducts.Contains(ParentId(entry)) =>
                    Child(entry, "link", nameof(MarketplaceLink.Platform), l.Platform),
                _ => null,
            };
            if (change is not null)
            {
                pending.Add(change);
            }
        }
        if (pending.Count == 0)
        {
            return null;
        }
        _actor = who;
        _pending = pending;
        return context;
    }

    private PendingEntry? Root(EntityEntry entry, string entityType)
    {
        var isDescribed = _descriptions.TryGetValue(entry.Entity, out var described);
        var action = isDescribed ? described.Action : entry.State switch
        {
            EntityState.Added => AuditActions.Created,
            EntityState.Deleted => AuditActions.Deleted,
            _ => AuditActions.Updated,
        };
        var changes = Changes(entry);
        if (entry.State == EntityState.Modified && changes.Count == 0 && !isDescribed)
        {
            return null;
        }
        return new PendingEntry(entry, entityType, nameof(Domain.Product.Id), action, changes, isDescribed ? described.Details : null);
    }

    private static PendingEntry? Child(EntityEntry entry, string prefix, string identifiedBy, object identity)
    {
        var changes = Changes(entry);
        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }
        var action = prefix + entry.State switch
        {
            EntityState.Added => "-added",
            EntityState.Deleted => "-removed",
            _ => "-changed",
        };
        return new PendingEntry(entry, Product, nameof(Certification.ProductId), action, changes,
            new Dictionary<string, object?> { [identifiedBy] = identity });
    }

    private static int ParentId(EntityEntry entry) => (int)entry.Property(nameof(Certification.ProductId)).OriginalValue!;

    private static IReadOnlyList<FieldChange> Changes(EntityEntry entry) =>
        FieldChanges.Diff(entry.Properties.Where(p => IsAudited(p.Metadata)).Select(p => entry.State switch
        {
            EntityState.Added => new FieldChange(p.Metadata.Name, null, p.CurrentValue),
            EntityState.Deleted => new FieldChange(p.Metadata.Name, p.OriginalValue, null),
            _ => p.IsModified ? new FieldChange(p.Metadata.Name, p.OriginalValue, p.CurrentValue) : new FieldChange(p.Metadata.Name, null, null),
        }));

    /// Keys, row versions, columns the database derives, the parent key and the timestamps every
    /// save touches tell a reader nothing.
    private static bool IsAudited(IProperty property) =>
        property.ValueGenerated == ValueGenerated.Never
        && !property.IsConcurrencyToken
        && property.Name is not (nameof(Certification.ProductId) or nameof(Domain.Product.CreatedAt) or nameof(Domain.Product.UpdatedAt));

    private List<AuditEntry> ToEntries()
    {
        var now = clock.GetUtcNow();
        return _pending!.Select(p => new AuditEntry
        {
            At = now,
            ActorId = _actor?.Id,
            ActorRole = _actor?.Roles,
            EntityType = p.EntityType,
            EntityId = Convert.ToString(p.Entry.Property(p.IdProperty).CurrentValue ?? p.Entry.Property(p.IdProperty).OriginalValue, CultureInfo.InvariantCulture)!,
            Action = p.Action,
            Changes = FieldChanges.ToJson(p.Changes, p.Details),
        }).ToList();
    }

    private void Abandon()
    {
        if (!_writing)
        {
            End();
        }
    }

    private void End()
    {
        _pending = null;
        _actor = null;
        _descriptions.Clear();
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    private sealed record PendingEntry(
        EntityEntry Entry, string EntityType, string IdProperty, string Action,
        IReadOnlyList<FieldChange> Changes, IReadOnlyDictionary<string, object?>? Details);
}
