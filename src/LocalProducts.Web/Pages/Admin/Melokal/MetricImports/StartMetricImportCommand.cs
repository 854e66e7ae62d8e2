using System.Security.Claims;
using System.Security.Cryptography;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Staff upload a CSV for a round: it is stored and queued, and this instance's worker is woken.
/// The checking and writing happen in the background (<see cref="MetricImportRunner"/>).
public sealed class StartMetricImportCommand(
    AppDbContext db, MetricImportSignal signal, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<StartMetricImportCommand> logger)
{
    /// Below Kestrel's default request limit (about 28.6 MB), so no limit is raised for it.
    public const int MaxFileBytes = 25 * 1024 * 1024;

    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int roundId, IFormFile? file, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return CommandResult.NotFound;
        }
        if (!round.TakesPosts)
        {
            return CommandResult.Invalid("", text["Putaran ini tidak menerima postingan sekarang: impor hanya bisa saat pendaftaran, pemantauan atau penilaian."]);
        }
        if (file is null || file.Length == 0)
        {
            return CommandResult.Invalid("Berkas", text["Pilih berkas CSV untuk diunggah."]);
        }
        if (file.Length > MaxFileBytes)
        {
            return CommandResult.Invalid("Berkas", text["Berkas terlalu besar: paling besar 25 MB. Bagi menjadi beberapa berkas."]);
        }
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var name = Path.GetFileName(file.FileName.Replace('\\', '/')).Trim();
        if (name.Length == 0)
        {
            name = "impor.csv";
        }
        var staffId = CurrentUser.IdOf(user);
        var by = await db.Users.Where(u => u.Id == staffId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "Staf";
        var import = new MetricImport
        {
            RoundId = roundId,
            FileName = name.Length > MetricImport.FileNameMaxLength ? name[..MetricImport.FileNameMaxLength] : name,
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            ContentLength = content.Length,
            CreatedBy = by,
            CreatedAt = clock.GetUtcNow(),
            State = ImportState.Queued,
        };
        db.MetricImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        logger.LogInformation("Metric import {ImportId} of {Bytes} bytes queued for round {RoundId} by staff {StaffId}", import.Id, content.Length, roundId, staffId);
        return CommandResult.Saved(id: import.Id);
    }
}
