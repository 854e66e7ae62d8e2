using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class CampaignEventTests
{
    [Theory]
    [InlineData(0, 3, RegistrationStatus.Held)]
    [InlineData(2, 3, RegistrationStatus.Held)]
    [InlineData(3, 3, RegistrationStatus.Waitlisted)]
    [InlineData(4, 3, RegistrationStatus.Waitlisted)]
    public void NewRegistration_GetsAPlaceOnlyWhilePlacesRemain(int confirmed, int capacity, RegistrationStatus expected) =>
        Assert.Equal(expected, CampaignEvent.StatusForNewRegistration(confirmed, capacity));
}
