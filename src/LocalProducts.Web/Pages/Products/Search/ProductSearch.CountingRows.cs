using System.Globalization;
using Npgsql;

namespace LocalProducts.Web.Pages.Products.Search;

/// The rows the counting statements return, read by column name.
public sealed partial class ProductSearch
{
    /// The catalogue's size (PostgreSQL's estimate), present only when the kept counts are today's.
    private sealed record DayRow(int Catalogue);

    /// A kept word: how many products have it and how many have it in their name, as of the last
    /// rebuild.
    private sealed record WordRow(int Products, int InNames);

    /// The page of ids, in order.
    private sealed record PageRow(IReadOnlyList<int> Ids);

    /// One statement returns several kinds of row (its UNION ALL has one shape: each kind fills the
    /// columns it needs and leaves the others null), named in the column <c>kind</c>. Columns:
    /// kind, category_id, province_code, regency, band_or_step (a facet group's band, a kept
    /// group's price step), in_price, flags, products, in_names, ids.
    private sealed class CountingRows
    {
        /// The kept counts are today's (<see cref="DayRow"/>).
        public const string Day = "day";
        /// The searched word is kept (<see cref="WordRow"/>).
        public const string Word = "word";
        /// A kept group (<see cref="KeptGroup"/>).
        public const string Kept = "kept";
        /// The products inside the price filter of a step only partly inside it, grouped as kept
        /// (<see cref="KeptGroup"/>).
        public const string PartlyInside = "partly_inside";
        /// A group of matching rows (<see cref="FacetGroup"/>).
        public const string Group = "group";
        /// The page of ids (<see cref="PageRow"/>).
        public const string Page = "page";

        private readonly NpgsqlDataReader _reader;
        private readonly int _kind;
        private readonly int _categoryId;
        private readonly int _provinceCode;
        private readonly int _regency;
        private readonly int _bandOrStep;
        private readonly int _inPrice;
        private readonly int _flags;
        private readonly int _products;
        private readonly int _inNames;
        private readonly int _ids;

        public CountingRows(NpgsqlDataReader reader)
        {
            _reader = reader;
            _kind = reader.GetOrdinal("kind");
            _categoryId = reader.GetOrdinal("category_id");
            _provinceCode = reader.GetOrdinal("province_code");
            _regency = reader.GetOrdinal("regency");
            _bandOrStep = reader.GetOrdinal("band_or_step");
            _inPrice = reader.GetOrdinal("in_price");
            _flags = reader.GetOrdinal("flags");
            _products = reader.GetOrdinal("products");
            _inNames = reader.GetOrdinal("in_names");
            _ids = reader.GetOrdinal("ids");
        }

        public string Kind => _reader.GetString(_kind);

        public DayRow ReadDay() => new(_reader.GetInt32(_products));

        public WordRow ReadWord() => new(_reader.GetInt32(_products), _reader.GetInt32(_inNames));

        public KeptGroup ReadKeptGroup() =>
            new(_reader.GetInt32(_categoryId), _reader.GetString(_provinceCode), _reader.GetInt16(_bandOrStep),
                _reader.GetInt16(_flags), _reader.GetInt32(_products));

        public FacetGroup ReadGroup() =>
            new(_reader.GetInt32(_categoryId), _reader.GetString(_provinceCode),
                _reader.IsDBNull(_regency) ? null : _reader.GetString(_regency), _reader.GetInt16(_bandOrStep),
                !_reader.IsDBNull(_inPrice) && _reader.GetBoolean(_inPrice), _reader.GetInt16(_flags), _reader.GetInt32(_products));

        /// string_agg gives null for an empty page.
        public PageRow ReadPage() => new(_reader.IsDBNull(_ids)
            ? []
            : _reader.GetString(_ids).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList());

        /// A kind the statement was not written to return: the statement and its reader disagree.
        public InvalidOperationException Unexpected() => new($"A counting statement returned a row of unknown kind '{Kind}'.");
    }
}
