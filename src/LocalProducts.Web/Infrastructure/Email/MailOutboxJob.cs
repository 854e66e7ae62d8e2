using LocalProducts.Web.Data;
using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Infrastructure.Email;

/// Every <see cref="OutboxOptions.Interval"/> (30 s), once across instances (<see cref="ScheduledJob"/>):
/// sends the due rows of <c>mail_outbox</c> and deletes the old ones. The advisory lock keeps
/// the instances from running it together; the row locks of <see cref="OutboxMailDelivery"/>
/// would keep even two runs from sending one mail twice.
public sealed class MailOutboxJob : ScheduledJob
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly OutboxOptions _options;
    private readonly ILogger<MailOutboxJob> _logger;

    public MailOutboxJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EmailOptions> options, ILogger<MailOutboxJob> logger)
        : base(scopes, clock, logger)
    {
        _scopes = scopes;
        _clock = clock;
        _options = options.Value.Outbox;
        _logger = logger;
    }

    protected override string Name => "mail-outbox";
    protected override TimeSpan Interval => _options.Interval;
    protected override TimeSpan CheckEvery => _options.Interval / 2;

    // Its own scope and transactions: each mail is recorded as it goes, whatever happens to the next.
    protected override async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var delivery = ActivatorUtilities.CreateInstance<OutboxMailDelivery>(scope.ServiceProvider, _clock);
        var sent = await delivery.SendDueAsync(_options.BatchSize, cancellationToken);
        var purged = await delivery.PurgeAsync(cancellationToken);
        if (sent > 0 || purged > 0)
        {
            _logger.LogInformation("Mail outbox: {Sent} sent, {Purged} old rows deleted", sent, purged);
        }
    }
}
