using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// Staff decide on a confirmed sign-up: approval hands out the influencer's own code, declining
/// needs a reason and takes the code back.
public sealed class RoundEntryDecisionTests
{
    private static readonly DateTimeOffset _now = new(2030, 2, 1, 3, 0, 0, TimeSpan.Zero);

    private static RoundEntry Confirmed()
    {
        var entry = new RoundEntry { RoundId = 1, InfluencerId = 1, SignedUpAt = _now };
        entry.StartConfirmation();
        Assert.True(entry.ConfirmEmail(_now));
        return entry;
    }

    [Fact]
    public void Approve_Pending_GivesTheCodeOfTheOwnLink_StoredOnlyAsItsHash()
    {
        var entry = Confirmed();

        var code = entry.Approve(_now, "Sari");

        Assert.NotNull(code);
        Assert.Equal(EntryStatus.Approved, entry.Status);
        Assert.Equal(("Sari", _now), (entry.DecidedBy, entry.DecidedAt));
        Assert.True(entry.IsSubmissionCode(code));
        Assert.NotEqual(code, entry.SubmissionHash);
        Assert.False(entry.IsSubmissionCode(code + "x"));
    }

    [Fact]
    public void Approve_Unconfirmed_OrAlreadyApproved_IsRefused()
    {
        var unconfirmed = new RoundEntry { RoundId = 1, InfluencerId = 1, SignedUpAt = _now };
        Assert.Null(unconfirmed.Approve(_now, "Sari"));
        Assert.Equal(EntryStatus.Unconfirmed, unconfirmed.Status);

        var entry = Confirmed();
        var first = entry.Approve(_now, "Sari");
        Assert.Null(entry.Approve(_now, "Budi"));
        Assert.True(entry.IsSubmissionCode(first));
        Assert.Equal("Sari", entry.DecidedBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Decline_WithoutReason_IsRefused(string reason)
    {
        var entry = Confirmed();

        Assert.False(entry.Decline(_now, "Sari", reason));
        Assert.Equal(EntryStatus.Pending, entry.Status);
    }

    [Fact]
    public void Decline_AfterApproval_KeepsTheTrimmedReason_AndTheOldCodeStopsWorking()
    {
        var entry = Confirmed();
        var code = entry.Approve(_now, "Sari");

        Assert.True(entry.Decline(_now.AddHours(1), "Budi", "  Akun belum aktif.  "));

        Assert.Equal(EntryStatus.Declined, entry.Status);
        Assert.Equal("Akun belum aktif.", entry.DeclineReason);
        Assert.Equal("Budi", entry.DecidedBy);
        Assert.False(entry.IsSubmissionCode(code));
        Assert.False(entry.Decline(_now, "Sari", "lagi"));
    }

    [Fact]
    public void Approve_AfterDecline_ClearsTheReason_AndGivesANewCode()
    {
        var entry = Confirmed();
        entry.Decline(_now, "Sari", "Salah putaran.");

        var code = entry.Approve(_now, "Budi");

        Assert.NotNull(code);
        Assert.Null(entry.DeclineReason);
        Assert.True(entry.IsSubmissionCode(code));
    }
}
