using LocalProducts.Web.Domain.Melokal;
using Microsoft.AspNetCore.Mvc;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// A new round: a draft until staff open it for sign-up.
public sealed class NewModel(RoundEditorQuery editor, SaveRoundCommand save) : RoundFormPageModel(editor, save)
{
    public async Task OnGetAsync(int? kampanye, CancellationToken cancellationToken)
    {
        Input.CampaignId = kampanye;
        Input.Platforms = [.. SocialPlatforms.All];
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(null, cancellationToken);
}
