using System.Text;

namespace LocalProducts.Web.Pages.Discovery;

/// The text of /robots.txt: staff and account pages stay out, and so do the catalogue's
/// parameter combinations that <see cref="CatalogueCrawlRule"/> does not index (searches,
/// sorts, prices, certifications, several filters at once). One category or one province, and
/// their pages, stay open; the robots meta tag still answers for any combination let through.
public static class RobotsTxt
{
    private static readonly string[] _privatePaths = ["/keluar/", "/q/", "/kode-qr/", "/bahasa", "/dasbor", "/admin", "/akun", "/redaksi", "/api/"];
    private static readonly string[] _listings = ["/produk", "/ikm"];
    /// Parameters that narrow or reorder a listing without making a page worth finding.
    private static readonly string[] _unindexedParameters = ["q", "kota", "sentra", "harga_min", "harga_maks", "sertifikasi", "esmart", "urut"];

    /// <param name="sitemapAddress">The absolute address of the sitemap index, from Site:PublicUrl.</param>
    public static string Build(string sitemapAddress)
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in _privatePaths)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }
        foreach (var listing in _listings)
        {
            // Two parameters or more; the longer Allow lines win for a single filter with its page.
            text.Append("Disallow: ").Append(listing).Append("?*&\n");
            text.Append("Allow: ").Append(listing).Append("?kategori=*&halaman=\n");
            text.Append("Allow: ").Append(listing).Append("?provinsi=*&halaman=\n");
        }
        foreach (var parameter in _unindexedParameters)
        {
            text.Append("Disallow: /*?").Append(parameter).Append("=\n");
            text.Append("Disallow: /*&").Append(parameter).Append("=\n");
        }
        text.Append("Sitemap: ").Append(sitemapAddress).Append('\n');
        return text.ToString();
    }
}
