using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class IkmNibCheckTests
{
    private static readonly DateOnly _today = new(2026, 12, 5);

    private static Ikm NewIkm() => new() { Slug = "x", Name = "X", Nib = "9120001000001", ProvinceCode = "11", RegencyCode = "11.73" };

    [Fact]
    public void RecordNibCheck_Today_IsKept()
    {
        var ikm = NewIkm();

        ikm.RecordNibCheck(_today, _today);

        Assert.Equal(_today, ikm.NibCheckedOn);
    }

    [Fact]
    public void RecordNibCheck_AnEarlierDay_ReplacesTheLastCheck()
    {
        var ikm = NewIkm();
        ikm.RecordNibCheck(new DateOnly(2026, 11, 1), _today);

        ikm.RecordNibCheck(new DateOnly(2026, 12, 3), _today);

        Assert.Equal(new DateOnly(2026, 12, 3), ikm.NibCheckedOn);
    }

    [Fact]
    public void RecordNibCheck_Tomorrow_IsRefused_AndChangesNothing()
    {
        var ikm = NewIkm();
        ikm.RecordNibCheck(new DateOnly(2026, 12, 1), _today);

        Assert.Throws<ArgumentOutOfRangeException>(() => ikm.RecordNibCheck(_today.AddDays(1), _today));

        Assert.Equal(new DateOnly(2026, 12, 1), ikm.NibCheckedOn);
    }

    [Fact]
    public void ChangedByOwner_NewNib_ForgetsTheCheck()
    {
        var ikm = NewIkm();
        ikm.RecordNibCheck(_today, _today);

        ikm.ChangedByOwner("X", "9120001000002", DateTimeOffset.UnixEpoch);

        Assert.Null(ikm.NibCheckedOn);
    }

    [Fact]
    public void ChangedByOwner_SameNib_KeepsTheCheck()
    {
        var ikm = NewIkm();
        ikm.RecordNibCheck(_today, _today);

        ikm.ChangedByOwner("X Baru", "9120001000001", DateTimeOffset.UnixEpoch);

        Assert.Equal(_today, ikm.NibCheckedOn);
    }
}
