using LocalProducts.Web.Domain.QrCodes;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.QrCodes.Print;

/// "Kode QR" of one product, maker or event: shows the code, its address, the pictures to
/// download and the labels to print. The code is made by a button (POST), never by opening the
/// page. Owners reach their own things only; staff any (folder policy QrCodes, then the query).
public sealed class PrintQrCodeModel(QrTargetQuery query, MakeQrCodeCommand make, PublicAddress site) : PageModel
{
    public QrTarget Target { get; private set; } = null!;

    /// The absolute address the code holds (https://…/q/abc2def), from Site:PublicUrl.
    public string? Address => Target.Code is { } code ? site.Absolute(QrTargets.ScanPath(code)) : null;

    public string PagePath => QrTargets.PrintPath(Target.Kind, Target.Id);

    /// Back to where the user came from: the owner's dashboard, or the staff page of the thing.
    public string BackPath => !CurrentUser.IsStaff(User) ? "/dasbor" : Target.Kind switch
    {
        QrTargetKind.Product => $"/admin/produk/{Target.Id}",
        QrTargetKind.Ikm => $"/admin/verifikasi/{Target.Id}",
        _ => $"/admin/acara/ubah/{Target.Id}",
    };

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (QrTargets.KindOf(kind) is not { } targetKind || await query.RunAsync(targetKind, id, User, cancellationToken) is not { } target)
        {
            return NotFound();
        }
        Target = target;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (QrTargets.KindOf(kind) is not { } targetKind)
        {
            return NotFound();
        }
        var result = await make.RunAsync(targetKind, id, User, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                return Redirect(QrTargets.PrintPath(targetKind, id));
        }
        ModelState.AddResult(result);
        return await OnGetAsync(kind, id, cancellationToken);
    }
}
