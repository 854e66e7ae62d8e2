namespace LocalProducts.Web.Pages.Admin.Verification;

/// Where staff check an NIB: the public NIB search of OSS (Online Single Submission, the licensing
/// system that issues NIBs). It takes no number in its address, so the page shows the NIB to paste.
public static class OssNibSearch
{
    /// OSS's public "Pencarian NIB". Found in third-party descriptions of OSS, not in an official
    /// reference: if it moves, https://oss.go.id/ leads to it.
    public const string Url = "https://oss.go.id/informasi/pencarian-nib";
}
