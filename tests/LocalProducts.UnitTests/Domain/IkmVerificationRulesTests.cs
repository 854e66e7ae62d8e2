using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

/// What staff check (name and NIB against OSS) and what an owner's save does to it.
public sealed class IkmVerificationRulesTests
{
    private static readonly DateTimeOffset _monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _tuesday = _monday.AddDays(1);

    private static Ikm Registered() =>
        new() { Slug = "kopi-gayo", Name = "Kopi Gayo Lestari", Nib = "9120001000001", ProvinceCode = "11", RegencyCode = "11.17" };

    [Fact]
    public void ChangedByOwner_AVerifiedIkm_KeepsItsVerification_WhenOnlyOtherFieldsChange()
    {
        var ikm = Registered();
        ikm.Verify(_monday);

        Assert.Equal(VerificationChange.Unchanged, ikm.ChangedByOwner("Kopi Gayo Lestari", "9120001000001", _tuesday));
        Assert.True(ikm.IsVerified);
        Assert.Equal(_monday, ikm.VerifiedAt);
    }

    [Theory]
    [InlineData("Kopi Gayo Lestari Jaya", "9120001000001")]
    [InlineData("Kopi Gayo Lestari", "9120001000002")]
    public void ChangedByOwner_AVerifiedIkm_WaitsAgain_WhenNameOrNibChanges(string name, string nib)
    {
        var ikm = Registered();
        ikm.Verify(_monday);

        Assert.Equal(VerificationChange.ReverificationNeeded, ikm.ChangedByOwner(name, nib, _tuesday));
        Assert.Equal(VerificationState.Pending, ikm.Verification);
        Assert.Null(ikm.VerifiedAt);
        Assert.Equal((name, nib), (ikm.Name, ikm.Nib));
    }

    [Fact]
    public void ChangedByOwner_ARejectedIkm_IsResubmitted_EvenWithTheSameName()
    {
        var ikm = Registered();
        ikm.Reject("NIB tidak cocok dengan nama usaha di OSS.", _monday);

        Assert.Equal(VerificationChange.Resubmitted, ikm.ChangedByOwner("Kopi Gayo Lestari", "9120001000001", _tuesday));
        Assert.Equal(VerificationState.Pending, ikm.Verification);
        Assert.Null(ikm.RejectionReason);
        Assert.Equal(_tuesday, ikm.UpdatedAt);
    }

    [Fact]
    public void ChangedByOwner_AnIkmStillWaiting_StaysWaiting()
    {
        var ikm = Registered();

        Assert.Equal(VerificationChange.Unchanged, ikm.ChangedByOwner("Kopi Gayo", "9120001000009", _tuesday));
        Assert.Equal(VerificationState.Pending, ikm.Verification);
    }

    [Fact]
    public void Verify_PublishesItsListingsThatWaited_AndOnlyThose()
    {
        var ikm = Registered();
        var waiting = Product.ListedBy(ikm, "kopi-arabika", "Kopi Arabika", _monday);
        var hidden = Product.ListedBy(ikm, "kopi-robusta", "Kopi Robusta", _monday);
        hidden.HiddenByOwner(_monday);
        var otherMakers = new Product { IkmId = 8, Slug = "teh", Name = "Teh" };

        var published = ikm.Verify(_tuesday, [waiting, hidden, otherMakers]);

        Assert.Equal([waiting], published);
        Assert.Equal(ProductState.Published, waiting.State);
        Assert.Equal(_tuesday, waiting.PublishedAt);
        Assert.Equal(ProductState.Hidden, hidden.State);
        Assert.Equal(ProductState.PendingReview, otherMakers.State);
    }

    [Fact]
    public void Verify_AnIkmVerifiedAlready_IsRefused()
    {
        var ikm = Registered();
        ikm.Verify(_monday);

        Assert.Throws<InvalidOperationException>(() => ikm.Verify(_tuesday));
    }

    [Fact]
    public void Reject_OnlyAnIkmWaitingForVerification()
    {
        var ikm = Registered();
        ikm.Verify(_monday);

        Assert.Throws<InvalidOperationException>(() => ikm.Reject("Alamat tidak lengkap.", _tuesday));
        Assert.True(ikm.IsVerified);
    }
}
