namespace LocalProducts.Web.Infrastructure.Email;

/// The production sender (an SMTP host is configured): the mail is first written to the shared
/// <c>mail_outbox</c> table, then sent at once, in the request. When the server refuses it or
/// cannot be reached, the person's registration or reset still completes and the row waits for
/// <see cref="MailOutboxJob"/>, which one instance runs with growing waits. No instance keeps
/// mail of its own.
public sealed class OutboxEmailSender(IServiceScopeFactory scopes) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var delivery = scope.ServiceProvider.GetRequiredService<OutboxMailDelivery>();
        // Not cancelled when the person's request is: what they did is done, so its mail is owed.
        var mail = await delivery.QueueAsync(message, CancellationToken.None);
        // Abandoned or failed, the attempt leaves the row for the job.
        await delivery.TrySendAsync(mail.Id, cancellationToken);
    }
}
