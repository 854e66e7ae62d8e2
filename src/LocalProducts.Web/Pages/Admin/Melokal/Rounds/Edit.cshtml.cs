using System.Globalization;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// Edits a round. Once monitoring starts the settings that decide scores show read-only.
public sealed class EditModel(RoundEditorQuery editor, SaveRoundCommand save) : RoundFormPageModel(editor, save)
{
    private readonly RoundEditorQuery _editor = editor;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Round = await _editor.RunAsync(id, cancellationToken);
        if (Round is not { } r)
        {
            return NotFound();
        }
        Input = new RoundForm
        {
            Version = r.Version,
            CampaignId = r.CampaignId,
            EventId = r.EventId,
            Title = r.Title,
            Slug = r.Slug,
            WindowStartsOn = r.WindowStartsOn,
            WindowDays = r.WindowDays,
            Platforms = r.Platforms,
            ScoreVideoByViews = r.ScoreVideoByViews,
            MinimumPosts = r.MinimumPosts,
            FollowerJumpPercent = (r.FollowerJumpShare * 100m).ToString("0.##", CultureInfo.GetCultureInfo("id-ID")),
            FollowerJumpPerDay = r.FollowerJumpPerDay,
            ProductIds = r.ProductIds,
            CategoryIds = r.CategoryIds,
            Rules = r.Rules,
            Prizes = [.. r.Prizes.Select(p => new PrizeRow { Rank = p.Rank, Description = p.Description, Value = PriceText.Format(p.ValueRupiah) })],
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Round = await _editor.RunAsync(id, cancellationToken);
        if (Round is null)
        {
            return NotFound();
        }
        return await SaveAsync(id, cancellationToken);
    }
}
