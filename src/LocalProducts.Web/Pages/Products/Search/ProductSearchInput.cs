using System.Globalization;

namespace LocalProducts.Web.Pages.Products.Search;

public enum SearchSort
{
    Relevan,
    Terbaru,
    Termurah,
    Termahal,
}

public enum CertificationFilter
{
    Tkdn,
    Halal,
    Sni,
    Pdn,
}

/// A search as the query string asks for it, already cleaned: whatever a shopper or a crawler
/// types, this holds something that can be searched, and <see cref="Notes"/> says what was ignored.
public sealed record ProductSearchInput
{
    public const int MaxQueryLength = 200;
    /// Every parameter <see cref="Parse"/> reads: what the output cache varies by.
    public const string QueryKeys = "q,kategori,provinsi,kota,harga_min,harga_maks,sertifikasi,esmart,urut,halaman";
    /// The value of "esmart" that keeps only products of e-Smart IKM alumni.
    public const string AlumniValue = "alumni";
    public const int MaxPage = 1000;

    public string Q { get; init; } = "";
    public string? Kategori { get; init; }
    public string? Provinsi { get; init; }
    public string? Kota { get; init; }
    public long? HargaMin { get; init; }
    public long? HargaMaks { get; init; }
    public IReadOnlyList<CertificationFilter> Sertifikasi { get; init; } = [];
    /// Only products of IKM that completed an e-Smart IKM cohort ("esmart=alumni").
    public bool Alumni { get; init; }
    public SearchSort Urut { get; init; } = SearchSort.Relevan;
    public int Halaman { get; init; } = 1;
    /// Keys of the notes to show (Indonesian text, translated in the view).
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool HasFilters => Kategori is not null || Provinsi is not null || Kota is not null
        || HargaMin is not null || HargaMaks is not null || Sertifikasi.Count > 0 || Alumni;

    public static ProductSearchInput Parse(IQueryCollection query)
    {
        var notes = new List<string>();
        var q = Single(query, "q") ?? "";
        // Invalid UTF-8 arrives as U+FFFD; control characters are never part of a search.
        q = new string(q.Where(c => !char.IsControl(c) && c != '\uFFFD').ToArray()).Trim();
        if (q.Length > MaxQueryLength)
        {
            q = q[..MaxQueryLength];
            notes.Add("Kata pencarian terlalu panjang, jadi dipotong.");
        }

        var min = Price(query, "harga_min", notes);
        var max = Price(query, "harga_maks", notes);
        if (min is { } low && max is { } high && low > high)
        {
            (min, max) = (high, low);
            notes.Add("Harga minimum lebih besar dari harga maksimum, jadi keduanya ditukar.");
        }

        var certifications = new List<CertificationFilter>();
        foreach (var value in query["sertifikasi"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<CertificationFilter>(value, ignoreCase: true, out var filter) && Enum.IsDefined(filter) && !char.IsDigit(value[0]))
            {
                if (!certifications.Contains(filter))
                {
                    certifications.Add(filter);
                }
            }
            else
            {
                notes.Add("Jenis sertifikasi tidak dikenal, jadi diabaikan.");
            }
        }

        var alumni = false;
        if (Single(query, "esmart") is { } esmart)
        {
            alumni = string.Equals(esmart.Trim(), AlumniValue, StringComparison.OrdinalIgnoreCase);
            if (!alumni)
            {
                notes.Add("Saringan e-Smart IKM tidak dikenal, jadi diabaikan.");
            }
        }

        var sortText = Single(query, "urut");
        var sort = SearchSort.Relevan;
        if (sortText is not null && !(Enum.TryParse(sortText, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !char.IsDigit(sortText[0])))
        {
            sort = SearchSort.Relevan;
            notes.Add("Urutan tidak dikenal, jadi memakai urutan bawaan.");
        }

        var page = 1;
        if (Single(query, "halaman") is { } pageText && !(int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            page = 1;
            notes.Add("Nomor halaman tidak valid, jadi menampilkan halaman pertama.");
        }

        return new ProductSearchInput
        {
            Q = q,
            Kategori = Code(query, "kategori"),
            Provinsi = Code(query, "provinsi"),
            Kota = Code(query, "kota"),
            HargaMin = min,
            HargaMaks = max,
            Sertifikasi = certifications,
            Alumni = alumni,
            Urut = sort,
            Halaman = Math.Min(page, MaxPage),
            Notes = notes.Distinct().ToList(),
        };
    }

    /// The address of this search with some parts changed; the page number starts again at 1
    /// unless it is given.
    public string Url(
        string? q = null,
        Changed<string?> kategori = default,
        Changed<string?> provinsi = default,
        Changed<string?> kota = default,
        Changed<long?> hargaMin = default,
        Changed<long?> hargaMaks = default,
        IReadOnlyList<CertificationFilter>? sertifikasi = null,
        bool? alumni = null,
        SearchSort? urut = null,
        int halaman = 1)
    {
        var parts = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(new(key, value));
            }
        }
        Add("q", q ?? Q);
        Add("kategori", kategori.Or(Kategori));
        Add("provinsi", provinsi.Or(Provinsi));
        Add("kota", kota.Or(Kota));
        Add("harga_min", hargaMin.Or(HargaMin)?.ToString(CultureInfo.InvariantCulture));
        Add("harga_maks", hargaMaks.Or(HargaMaks)?.ToString(CultureInfo.InvariantCulture));
        var certifications = sertifikasi ?? Sertifikasi;
        if (certifications.Count > 0)
        {
            Add("sertifikasi", string.Join(',', certifications.Select(c => c.ToString().ToLowerInvariant())));
        }
        if (alumni ?? Alumni)
        {
            Add("esmart", AlumniValue);
        }
        var sort = urut ?? Urut;
        if (sort != SearchSort.Relevan)
        {
            Add("urut", sort.ToString().ToLowerInvariant());
        }
        if (halaman > 1)
        {
            Add("halaman", halaman.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0
            ? "/produk"
            : "/produk?" + string.Join('&', parts.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    private static string? Single(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values is [{ } first, ..] && !string.IsNullOrWhiteSpace(first) ? first : null;

    /// Slugs and area codes are short and plain; anything else cannot match and is dropped.
    private static string? Code(IQueryCollection query, string key) =>
        Single(query, key) is { Length: <= 120 } value && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? value.ToLowerInvariant()
            : null;

    private static long? Price(IQueryCollection query, string key, List<string> notes)
    {
        if (Single(query, key) is not { } text)
        {
            return null;
        }
        // "25.000" and "25000" both mean twenty-five thousand rupiah.
        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var price) && price <= 1_000_000_000_000)
        {
            return price;
        }
        notes.Add("Harga harus berupa angka rupiah yang tidak negatif, jadi diabaikan.");
        return null;
    }
}

/// "Not given" as distinct from "given as null" (remove this filter) for <see cref="ProductSearchInput.Url"/>.
public readonly record struct Changed<T>(T Value, bool HasValue)
{
    public static implicit operator Changed<T>(T value) => new(value, true);

    public T Or(T current) => HasValue ? Value : current;
}
