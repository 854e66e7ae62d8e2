using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

/// The listing's life: who publishes it, what an owner's edit does to it, what staff may do.
public sealed class ProductListingRulesTests
{
    private static readonly DateTimeOffset _monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _tuesday = _monday.AddDays(1);

    private static Ikm Maker(bool verified)
    {
        var ikm = new Ikm { Slug = "batik-sekar", Name = "Batik Sekar", Nib = "9120001000001", ProvinceCode = "33", RegencyCode = "33.72" };
        if (verified)
        {
            ikm.Verify(_monday);
        }
        return ikm;
    }

    [Fact]
    public void ListedBy_AVerifiedMaker_PublishesAtOnce()
    {
        var product = Product.ListedBy(Maker(verified: true), "batik-tulis-parang", "Batik Tulis Parang", _monday);

        Assert.Equal(ProductState.Published, product.State);
        Assert.Equal(_monday, product.PublishedAt);
        Assert.Equal(_monday, product.CreatedAt);
    }

    [Fact]
    public void ListedBy_AMakerWaitingForVerification_WaitsForReview()
    {
        var product = Product.ListedBy(Maker(verified: false), "batik-tulis-parang", "Batik Tulis Parang", _monday);

        Assert.Equal(ProductState.PendingReview, product.State);
        Assert.Null(product.PublishedAt);
    }

    [Fact]
    public void ChangedByOwner_AListingStaffHid_GoesBackForReview_AndLosesTheReason()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);
        product.HiddenByStaff("Foto bukan produk ini.", _monday);

        var change = product.ChangedByOwner(makerIsVerified: true, _tuesday);

        Assert.Equal(ListingChange.SentBackForReview, change);
        Assert.Equal(ProductState.PendingReview, product.State);
        Assert.Null(product.HiddenReason);
        Assert.Equal(_tuesday, product.UpdatedAt);
    }

    [Fact]
    public void ChangedByOwner_AListingTheOwnerHid_StaysHidden()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);
        product.HiddenByOwner(_monday);

        Assert.Equal(ListingChange.StaysHidden, product.ChangedByOwner(makerIsVerified: true, _tuesday));
        Assert.Equal(ProductState.Hidden, product.State);
    }

    [Theory]
    [InlineData(true, ListingChange.Published, ProductState.Published)]
    [InlineData(false, ListingChange.AwaitsReview, ProductState.PendingReview)]
    public void ChangedByOwner_AShownListing_FollowsTheMakersVerification(bool verified, ListingChange expected, ProductState state)
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);

        Assert.Equal(expected, product.ChangedByOwner(verified, _tuesday));
        Assert.Equal(state, product.State);
    }

    [Fact]
    public void ChangedByOwner_KeepsTheFirstPublicationTime()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);

        product.ChangedByOwner(makerIsVerified: true, _tuesday);

        Assert.Equal(_monday, product.PublishedAt);
    }

    [Fact]
    public void HiddenByOwner_Twice_ChangesNothingTheSecondTime()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);

        Assert.Equal(ListingChange.Hidden, product.HiddenByOwner(_monday));
        Assert.Equal(ListingChange.Unchanged, product.HiddenByOwner(_tuesday));
        Assert.Null(product.HiddenReason);
        Assert.Equal(_monday, product.UpdatedAt);
    }

    [Fact]
    public void ShownAgainByOwner_AListingStaffHid_IsRefused()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);
        product.HiddenByStaff("Harga tidak wajar.", _monday);

        Assert.Equal(ListingChange.RefusedHiddenByStaff, product.ShownAgainByOwner(makerIsVerified: true, _tuesday));
        Assert.Equal(ProductState.Hidden, product.State);
        Assert.Equal("Harga tidak wajar.", product.HiddenReason);
    }

    [Theory]
    [InlineData(true, ListingChange.Published, ProductState.Published)]
    [InlineData(false, ListingChange.AwaitsReview, ProductState.PendingReview)]
    public void ShownAgainByOwner_AListingTheyHid_FollowsTheMakersVerification(bool verified, ListingChange expected, ProductState state)
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);
        product.HiddenByOwner(_monday);

        Assert.Equal(expected, product.ShownAgainByOwner(verified, _tuesday));
        Assert.Equal(state, product.State);
    }

    [Fact]
    public void ShownAgainByOwner_AShownListing_ChangesNothing()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);

        Assert.Equal(ListingChange.Unchanged, product.ShownAgainByOwner(makerIsVerified: true, _tuesday));
    }

    [Fact]
    public void ApprovedByStaff_OnlyAListingThatWaits()
    {
        var waiting = Product.ListedBy(Maker(verified: false), "kopi", "Kopi", _monday);
        var shown = Product.ListedBy(Maker(verified: true), "teh", "Teh", _monday);

        Assert.Equal(ListingChange.Published, waiting.ApprovedByStaff(_tuesday));
        Assert.Equal(_tuesday, waiting.PublishedAt);
        Assert.Equal(ListingChange.RefusedWrongState, shown.ApprovedByStaff(_tuesday));
    }

    [Fact]
    public void HiddenByStaff_NeedsAReason_TheOwnerReads()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);

        Assert.Throws<ArgumentException>(() => product.HiddenByStaff("  ", _tuesday));
        product.HiddenByStaff("  Foto milik toko lain. ", _tuesday);

        Assert.True(product.IsHiddenByStaff);
        Assert.Equal("Foto milik toko lain.", product.HiddenReason);
    }

    [Fact]
    public void ShownAgainByStaff_OnlyAHiddenListing_WhoeverHidIt()
    {
        var byOwner = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", _monday);
        byOwner.HiddenByOwner(_monday);
        var shown = Product.ListedBy(Maker(verified: true), "teh", "Teh", _monday);

        Assert.Equal(ListingChange.Published, byOwner.ShownAgainByStaff(_tuesday));
        Assert.Equal(ProductState.Published, byOwner.State);
        Assert.Equal(ListingChange.RefusedWrongState, shown.ShownAgainByStaff(_tuesday));
    }
}
