namespace LocalProducts.Web.Pages.Shortlist;

/// The "Simpan" buttons need one small script (wwwroot/js/simpanan.js); the layout adds it only
/// to pages that show a button, so other pages stay as light as they were.
public static class SaveScript
{
    private const string ItemKey = "melokal:simpanan-script";

    public static void Use(HttpContext context) => context.Items[ItemKey] = true;

    public static bool IsUsed(HttpContext context) => context.Items.ContainsKey(ItemKey);
}
