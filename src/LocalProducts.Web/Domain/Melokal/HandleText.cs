namespace LocalProducts.Web.Domain.Melokal;

public enum HandleProblem
{
    None = 0,
    HasSpaces = 1,
    TooLong = 2,
    NotAHandle = 3,
}

/// An account name as typed in the sign-up form: "@nama.kopi" is fine, "nama kopi" or an address
/// is not. Letters, digits, dot, underscore and hyphen cover the handles of every platform counted.
public static class HandleText
{
    public static HandleProblem Check(string handle)
    {
        var clean = EntryHandle.Clean(handle);
        if (clean.Any(char.IsWhiteSpace))
        {
            return HandleProblem.HasSpaces;
        }
        if (clean.Length > EntryHandle.HandleMaxLength)
        {
            return HandleProblem.TooLong;
        }
        if (clean.Length == 0 || !clean.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return HandleProblem.NotAHandle;
        }
        return HandleProblem.None;
    }
}
