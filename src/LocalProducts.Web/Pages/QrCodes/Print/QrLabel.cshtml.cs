using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.QrCodes.Print;

/// A page to print: one A6 label (name, code, address), or an A4 sheet of small stickers with the
/// same. Its own small document with print styles (@page size), without the site's header.
public sealed class QrLabelModel(QrTargetQuery query, PublicAddress site) : PageModel
{
    /// Stickers on an A4 sheet: 3 across, 8 down, 70 × 37 mm each (a common sheet of labels).
    public const int Stickers = 24;

    public QrTarget Target { get; private set; } = null!;
    public bool IsSheet { get; private set; }
    public string Address { get; private set; } = "";
    public string PagePath => QrTargets.PrintPath(Target.Kind, Target.Id);

    public async Task<IActionResult> OnGetAsync(string kind, int id, string layout, CancellationToken cancellationToken)
    {
        if (layout is not ("a6" or "stiker") || QrTargets.KindOf(kind) is not { } targetKind
            || await query.RunAsync(targetKind, id, User, cancellationToken) is not { } target)
        {
            return NotFound();
        }
        if (target.Code is not { } code)
        {
            // Nothing to print yet: the page with the button that makes the code.
            return Redirect(QrTargets.PrintPath(targetKind, id));
        }
        Target = target;
        IsSheet = layout == "stiker";
        Address = site.Absolute(QrTargets.ScanPath(code));
        return Page();
    }
}
