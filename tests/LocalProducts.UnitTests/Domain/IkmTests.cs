using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class IkmTests
{
    [Theory]
    [InlineData("+6281234567890", true)]
    [InlineData("081234567890", false)]
    [InlineData("+62 812 3456 7890", false)]
    [InlineData("+1234567890", false)]
    public void IsValidWhatsApp_WantsThePlus62Form(string number, bool valid) => Assert.Equal(valid, Ikm.IsValidWhatsApp(number));

    [Fact]
    public void Reject_NeedsAReason_AndVerifyClearsIt()
    {
        var ikm = new Ikm { Slug = "x", Name = "X", Nib = "9120001000001", ProvinceCode = "11", RegencyCode = "11.73" };

        Assert.Throws<ArgumentException>(() => ikm.Reject(" "));
        ikm.Reject("NIB tidak cocok dengan nama usaha");
        Assert.Equal(VerificationState.Rejected, ikm.Verification);
        ikm.Verify(DateTimeOffset.UnixEpoch);
        Assert.Null(ikm.RejectionReason);
        Assert.True(ikm.IsVerified);
    }
}
