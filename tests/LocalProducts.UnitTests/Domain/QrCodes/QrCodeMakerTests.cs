using LocalProducts.Web.Domain.QrCodes;

namespace LocalProducts.UnitTests.Domain.QrCodes;

public sealed class QrCodeMakerTests
{
    [Fact]
    public async Task Make_FirstCodeFree_StoresItAtOnce()
    {
        var stored = new List<string>();
        var maker = new QrCodeMaker(() => "abc2def");

        var attempts = await maker.MakeAsync(code => { stored.Add(code); return Task.FromResult(true); });

        Assert.Equal(1, attempts);
        Assert.Equal(["abc2def"], stored);
    }

    [Fact]
    public async Task Make_CodeTaken_DrawsAgainUntilOneIsFree()
    {
        var draws = new Queue<string>(["aaaaaaa", "bbbbbbb", "ccccccc"]);
        var taken = new HashSet<string> { "aaaaaaa", "bbbbbbb" };
        var tried = new List<string>();
        var maker = new QrCodeMaker(draws.Dequeue);

        var attempts = await maker.MakeAsync(code => { tried.Add(code); return Task.FromResult(!taken.Contains(code)); });

        Assert.Equal(3, attempts);
        Assert.Equal(["aaaaaaa", "bbbbbbb", "ccccccc"], tried);
    }

    [Fact]
    public async Task Make_EveryCodeTaken_GivesUpAfterFiveAttempts()
    {
        var tries = 0;
        var maker = new QrCodeMaker(() => "abc2def");

        var attempts = await maker.MakeAsync(_ => { tries++; return Task.FromResult(false); });

        Assert.Null(attempts);
        Assert.Equal(QrCodeMaker.Attempts, tries);
        Assert.Equal(5, tries);
    }
}
