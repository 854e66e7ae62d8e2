using LocalProducts.Web.Domain.QrCodes;

namespace LocalProducts.UnitTests.Domain.QrCodes;

public sealed class QrCodeTests
{
    [Fact]
    public void Alphabet_HasNoLookAlikes_AndOnlyLowerCaseLettersAndDigits()
    {
        Assert.DoesNotContain(QrCode.Alphabet, c => "01ilo".Contains(c, StringComparison.Ordinal));
        Assert.All(QrCode.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)));
        Assert.Equal(31, QrCode.Alphabet.Distinct().Count());
    }

    [Fact]
    public void NewCode_TakesItsSignsFromTheAlphabet_InTheOrderPicked()
    {
        var picks = new Queue<int>([0, 1, 7, 8, 9, 29, 30]);

        var code = QrCode.NewCode(n =>
        {
            Assert.Equal(31, n);
            return picks.Dequeue();
        });

        // 0 → "2", 7 → "9", 8 → "a" (the first letter), 30 → "z" (the last sign).
        Assert.Equal("239abyz", code);
    }

    [Fact]
    public void NewCode_Random_IsSevenSignsOfTheAlphabet_AndDiffersEachTime()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => QrCode.NewCode()).ToList();

        Assert.All(codes, code => Assert.Equal(code, QrCode.Normalize(code)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("abc2def", "abc2def")]
    [InlineData("ABC2DEF", "abc2def")]
    [InlineData("abc2de", null)]
    [InlineData("abc2defg", null)]
    [InlineData("abc0def", null)]
    [InlineData("abcldef", null)]
    [InlineData("abc def", null)]
    [InlineData("abc-def", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_ReadsUpperCase_AndRefusesWhatNoCodeLooksLike(string? typed, string? expected) =>
        Assert.Equal(expected, QrCode.Normalize(typed));
}
