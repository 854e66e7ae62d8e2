namespace LocalProducts.Web.Domain.QrCodes;

/// Makes the code of one thing: draws a random code and asks the store to keep it; when that code
/// is already another thing's (the unique index says so), draws again, a few times at most.
public sealed class QrCodeMaker(Func<string> draw)
{
    /// With 27 billion codes, five clashes in a row mean something else is wrong.
    public const int Attempts = 5;

    public static readonly QrCodeMaker Random = new(QrCode.NewCode);

    /// <paramref name="tryStore"/> keeps the code for the thing and answers true, or answers false
    /// when the code belongs to another thing. Returns the attempts it took, or null when every
    /// code drawn was taken.
    public async Task<int?> MakeAsync(Func<string, Task<bool>> tryStore)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await tryStore(draw()))
            {
                return attempt;
            }
        }
        return null;
    }
}
