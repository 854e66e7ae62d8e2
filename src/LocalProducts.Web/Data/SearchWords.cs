namespace LocalProducts.Web.Data;

/// A word left out of the search index and of queries (seeds/reference/search/stop-words.txt).
public sealed class SearchStopWord
{
    public required string Word { get; init; }
}

/// A word indexed and searched as written, because the Indonesian stemmer breaks it
/// (seeds/reference/search/protected-words.txt).
public sealed class SearchProtectedWord
{
    public required string Word { get; init; }
}
