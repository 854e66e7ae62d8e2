using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Infrastructure.Audit;

/// The audit log as other code uses it. Changes to IKM and products are recorded by
/// <see cref="AuditInterceptor"/> without asking; this names them ("verified") and records the
/// actions that are not such changes, for example account actions:
/// <code>audit.Record(adminId, "role-given", "User", userId.ToString(), new Dictionary&lt;string, object?&gt; { ["role"] = "Staff" });</code>
public sealed class AuditLog(AppDbContext db, AuditInterceptor interceptor, AuditActor actor, TimeProvider clock)
{
    /// Names the next saved change of a tracked IKM or product and adds details (a reason).
    public void Describe(object entity, string action, IReadOnlyDictionary<string, object?>? details = null) =>
        interceptor.Describe(entity, action, details);

    /// Stages an entry; the caller's next SaveChangesAsync writes it with its own change, in one
    /// transaction.
    public void Record(Guid? actorId, string action, string entityType, string entityId, IReadOnlyDictionary<string, object?>? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId,
            ActorRole = actor.RolesFor(actorId),
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Changes = FieldChanges.ToJson([], details),
        });

    /// Records and saves at once: for changes already saved by another component (UserManager
    /// saves its own). Saves whatever else the context holds too.
    public async Task RecordAsync(
        Guid? actorId, string action, string entityType, string entityId, IReadOnlyDictionary<string, object?>? details = null,
        CancellationToken cancellationToken = default)
    {
        Record(actorId, action, entityType, entityId, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class AuditSetup
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditActor>();
        // One per DbContext: it holds the entries of the save in progress.
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<AuditLog>();
        return services;
    }
}
