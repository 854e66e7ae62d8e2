using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

public sealed class HandleTextTests
{
    [Theory]
    [InlineData("@nama.kopi")]
    [InlineData("  Nama_Kopi ")]
    [InlineData("kopi-lokal")]
    [InlineData("kopi2026")]
    public void Check_AnAccountName_IsFine(string handle) => Assert.Equal(HandleProblem.None, HandleText.Check(handle));

    [Theory]
    [InlineData("nama kopi")]
    [InlineData("@nama\tkopi")]
    public void Check_Spaces_AreRefused(string handle) => Assert.Equal(HandleProblem.HasSpaces, HandleText.Check(handle));

    [Fact]
    public void Check_LongerThanTheColumn_IsTooLong() =>
        Assert.Equal(HandleProblem.TooLong, HandleText.Check(new string('a', EntryHandle.HandleMaxLength + 1)));

    [Theory]
    [InlineData("instagram.com/namakopi")]
    [InlineData("https://tiktok.com/@namakopi")]
    [InlineData("@")]
    [InlineData("nama<script>")]
    public void Check_AnAddressOrSymbols_IsNotAHandle(string handle) => Assert.Equal(HandleProblem.NotAHandle, HandleText.Check(handle));
}
