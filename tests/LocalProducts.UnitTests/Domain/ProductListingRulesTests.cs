using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

/// The listing's life: who publishes it, what an owner's edit does to it, what staff may do.
public sealed class ProductListingRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private static Ikm Maker(bool verified)
    {
        var ikm = new Ikm { Slug = "batik-sekar", Name = "Batik Sekar", Nib = "9120001000001", ProvinceCode = "33", RegencyCode = "33.72" };
        if (verified)
        {
            ikm.Verify(Monday);
        }
        return ikm;
    }

    [Fact]
    public void ListedBy_AVerifiedMaker_PublishesAtOnce()
    {
        var product = Product.ListedBy(Maker(verified: true), "batik-tulis-parang", "Batik Tulis Parang", Monday);

        Assert.Equal(ProductState.Published, product.State);
        Assert.Equal(Monday, product.PublishedAt);
        Assert.Equal(Monday, product.CreatedAt);
    }

    [Fact]
    public void ListedBy_AMakerWaitingForVerification_WaitsForReview()
    {
        var product = Product.ListedBy(Maker(verified: false), "batik-tulis-parang", "Batik Tulis Parang", Monday);

        Assert.Equal(ProductState.PendingReview, product.State);
        Assert.Null(product.PublishedAt);
    }

    [Fact]
    public void ChangedByOwner_AListingStaffHid_GoesBackForReview_AndLosesTheReason()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);
        product.HiddenByStaff("Foto bukan produk ini.", Monday);

        var change = product.ChangedByOwner(makerIsVerified: true, Tuesday);

        Assert.Equal(ListingChange.SentBackForReview, change);
        Assert.Equal(ProductState.PendingReview, product.State);
        Assert.Null(product.HiddenReason);
        Assert.Equal(Tuesday, product.UpdatedAt);
    }

    [Fact]
    public void ChangedByOwner_AListingTheOwnerHid_StaysHidden()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);
        product.HiddenByOwner(Monday);

        Assert.Equal(ListingChange.StaysHidden, product.ChangedByOwner(makerIsVerified: true, Tuesday));
        Assert.Equal(ProductState.Hidden, product.State);
    }

    [Theory]
    [InlineData(true, ListingChange.Published, ProductState.Published)]
    [InlineData(false, ListingChange.AwaitsReview, ProductState.PendingReview)]
    public void ChangedByOwner_AShownListing_FollowsTheMakersVerification(bool verified, ListingChange expected, ProductState state)
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);

        Assert.Equal(expected, product.ChangedByOwner(verified, Tuesday));
        Assert.Equal(state, product.State);
    }

    [Fact]
    public void ChangedByOwner_KeepsTheFirstPublicationTime()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);

        product.ChangedByOwner(makerIsVerified: true, Tuesday);

        Assert.Equal(Monday, product.PublishedAt);
    }

    [Fact]
    public void HiddenByOwner_Twice_ChangesNothingTheSecondTime()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);

        Assert.Equal(ListingChange.Hidden, product.HiddenByOwner(Monday));
        Assert.Equal(ListingChange.Unchanged, product.HiddenByOwner(Tuesday));
        Assert.Null(product.HiddenReason);
        Assert.Equal(Monday, product.UpdatedAt);
    }

    [Fact]
    public void ShownAgainByOwner_AListingStaffHid_IsRefused()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);
        product.HiddenByStaff("Harga tidak wajar.", Monday);

        Assert.Equal(ListingChange.RefusedHiddenByStaff, product.ShownAgainByOwner(makerIsVerified: true, Tuesday));
        Assert.Equal(ProductState.Hidden, product.State);
        Assert.Equal("Harga tidak wajar.", product.HiddenReason);
    }

    [Theory]
    [InlineData(true, ListingChange.Published, ProductState.Published)]
    [InlineData(false, ListingChange.AwaitsReview, ProductState.PendingReview)]
    public void ShownAgainByOwner_AListingTheyHid_FollowsTheMakersVerification(bool verified, ListingChange expected, ProductState state)
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);
        product.HiddenByOwner(Monday);

        Assert.Equal(expected, product.ShownAgainByOwner(verified, Tuesday));
        Assert.Equal(state, product.State);
    }

    [Fact]
    public void ShownAgainByOwner_AShownListing_ChangesNothing()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);

        Assert.Equal(ListingChange.Unchanged, product.ShownAgainByOwner(makerIsVerified: true, Tuesday));
    }

    [Fact]
    public void ApprovedByStaff_OnlyAListingThatWaits()
    {
        var waiting = Product.ListedBy(Maker(verified: false), "kopi", "Kopi", Monday);
        var shown = Product.ListedBy(Maker(verified: true), "teh", "Teh", Monday);

        Assert.Equal(ListingChange.Published, waiting.ApprovedByStaff(Tuesday));
        Assert.Equal(Tuesday, waiting.PublishedAt);
        Assert.Equal(ListingChange.RefusedWrongState, shown.ApprovedByStaff(Tuesday));
    }

    [Fact]
    public void HiddenByStaff_NeedsAReason_TheOwnerReads()
    {
        var product = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);

        Assert.Throws<ArgumentException>(() => product.HiddenByStaff("  ", Tuesday));
        product.HiddenByStaff("  Foto milik toko lain. ", Tuesday);

        Assert.True(product.IsHiddenByStaff);
        Assert.Equal("Foto milik toko lain.", product.HiddenReason);
    }

    [Fact]
    public void ShownAgainByStaff_OnlyAHiddenListing_WhoeverHidIt()
    {
        var byOwner = Product.ListedBy(Maker(verified: true), "kopi", "Kopi", Monday);
        byOwner.HiddenByOwner(Monday);
        var shown = Product.ListedBy(Maker(verified: true), "teh", "Teh", Monday);

        Assert.Equal(ListingChange.Published, byOwner.ShownAgainByStaff(Tuesday));
        Assert.Equal(ProductState.Published, byOwner.State);
        Assert.Equal(ListingChange.RefusedWrongState, shown.ShownAgainByStaff(Tuesday));
    }
}
