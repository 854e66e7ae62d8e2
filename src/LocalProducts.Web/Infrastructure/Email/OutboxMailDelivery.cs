using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure.Email;

/// What one attempt at the outbox came to.
public enum DeliveryOutcome
{
    /// No row to send: none due, or another sender holds it, or it went out already.
    NothingToSend,
    Sent,
    /// The server refused this message; the others may still go.
    Refused,
    /// The server is down or refuses the site: the next mail would fail the same way.
    ServerUnavailable,
}

/// Sends rows of <c>mail_outbox</c> through SMTP, each in its own transaction that holds the row
/// (<c>FOR UPDATE SKIP LOCKED</c>) from before the SMTP conversation until the result is recorded:
/// two senders (the request that queued the mail and the outbox job, or the job on two instances)
/// never hold one row at once, so a mail is not sent twice by two of them.
///
/// At least once, not at most once: when the server accepted a mail but recording it fails (the
/// database went away, the process was killed between the two), the transaction rolls back, the
/// row is still unsent, and a later run sends it again. The other order (record "sent", commit,
/// then send) would lose the mail in the same accident. A duplicate confirmation or notice is a
/// nuisance; a lost one leaves a person unable to finish what they started. The Message-ID is
/// the row's on every attempt, so a receiving server that keeps Message-IDs drops the copy.
public sealed class OutboxMailDelivery(AppDbContext db, SmtpMailTransport transport, TimeProvider clock, ILogger<OutboxMailDelivery> logger)
{
    /// Records the mail, due at once; committed before any attempt, so it survives a failed one.
    public async Task<OutboxMail> QueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = OutboxMail.Queue(message.To, message.Subject, message.TextBody, clock.GetUtcNow());
        db.OutboxMails.Add(mail);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return mail;
    }

    /// One attempt at the mail <paramref name="id"/>, unless another sender holds it or it was sent.
    public Task<DeliveryOutcome> TrySendAsync(long id, CancellationToken cancellationToken) =>
        SendClaimedAsync(now => db.OutboxMails.FromSql(
            $"SELECT * FROM mail_outbox WHERE id = {id} AND sent_at IS NULL FOR UPDATE SKIP LOCKED"), cancellationToken);

    /// Sends due mails, earliest first, at most <paramref name="batchSize"/>; stops early when the
    /// server is unavailable (the rest wait for the next run). Returns how many went out.
    public async Task<int> SendDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var i = 0; i < batchSize; i++)
        {
            var outcome = await SendClaimedAsync(now => db.OutboxMails.FromSql(
                $"SELECT * FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= {now} ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED"),
                cancellationToken);
            if (outcome == DeliveryOutcome.Sent)
            {
                sent++;
            }
            else if (outcome is DeliveryOutcome.NothingToSend or DeliveryOutcome.ServerUnavailable)
            {
                break;
            }
        }
        return sent;
    }

    /// Deletes sent rows older than a week and given-up rows older than a month (they hold an
    /// address). Returns how many.
    public Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentBefore = OutboxMail.SentPurgeCutoff(now);
        var givenUpBefore = OutboxMail.GivenUpPurgeCutoff(now);
        return db.OutboxMails
            .Where(m => m.SentAt < sentBefore || (m.SentAt == null && m.NextAttemptAt == OutboxMail.Never && m.QueuedAt < givenUpBefore))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<DeliveryOutcome> SendClaimedAsync(Func<DateTimeOffset, IQueryable<OutboxMail>> claim, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mail = (await claim(clock.GetUtcNow()).ToListAsync(cancellationToken)).SingleOrDefault();
        if (mail is null)
        {
            return DeliveryOutcome.NothingToSend;
        }
        try
        {
            await transport.SendAsync(new EmailMessage(mail.To, mail.Subject, mail.TextBody), $"outbox-{mail.Id}", cancellationToken);
        }
        catch (Exception ex) when (SmtpMailTransport.IsSendFailure(ex))
        {
            mail.Failed(ex.GetType().Name, clock.GetUtcNow(), Random.Shared.NextDouble());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (mail.GaveUp)
            {
                logger.LogError("E-mail {MailId} {Subject} not sent through {SmtpHost} ({Error}): gave up after {Attempts} attempts",
                    mail.Id, mail.Subject, transport.Host, ex.GetType().Name, mail.Attempts);
            }
            else
            {
                logger.LogWarning("E-mail {MailId} {Subject} not sent through {SmtpHost} ({Error}), attempt {Attempts}; kept in the outbox until {NextAttemptAt}",
                    mail.Id, mail.Subject, transport.Host, ex.GetType().Name, mail.Attempts, mail.NextAttemptAt);
            }
            return SmtpMailTransport.IsRefusalOfThisMessage(ex) ? DeliveryOutcome.Refused : DeliveryOutcome.ServerUnavailable;
        }
        // The server has the mail: record it even if the person's request is being abandoned now
        // (a cancelled save here would send it a second time). See the class comment.
        mail.Sent(clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        logger.LogInformation("E-mail {MailId} {Subject} sent through {SmtpHost}, attempt {Attempts}", mail.Id, mail.Subject, transport.Host, mail.Attempts);
        return DeliveryOutcome.Sent;
    }
}
