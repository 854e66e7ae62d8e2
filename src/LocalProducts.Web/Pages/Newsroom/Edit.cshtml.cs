using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Newsroom;

/// Write (/redaksi/tulis) or edit (/redaksi/{id}/ubah) a post. One form: every button saves what
/// was typed together with its move ("aksi"), except "Pratinjau", which only shows the post as
/// readers will see it. Who may make which move is checked here and again in the command, under
/// the post's lock.
[ImageUploadLimits]
public sealed class EditModel(
    PostEditorQuery editor, SavePostCommand save, MarkdownRenderer markdown, ImageStore images, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(Name = "aksi")]
    public string? Aksi { get; set; }

    /// Null while writing a new post.
    public PostEditorView? Post { get; private set; }

    public PostEditorChoices Choices { get; private set; } = new([], [], []);

    public NewsroomActor Actor { get; private set; } = null!;

    public IReadOnlyList<PostMove> Moves { get; private set; } = [];

    public string? PreviewHtml { get; private set; }

    public PostSnapshot? Conflict { get; private set; }

    public IReadOnlyList<DiffLine> ConflictBody { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public bool IsNew => Post is null;

    public PostState State => Post?.State ?? PostState.Draft;

    public bool CanEdit => Moves.Contains(PostMove.Save);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var denied = await LoadPostAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        Input = Post is null ? new InputModel { AuthorId = Actor.UserId } : InputModel.From(Post);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var denied = await LoadPostAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        if (Aksi == NewsroomText.PreviewValue)
        {
            // Only a look: no checks, nothing saved, everything typed stays in the form.
            ModelState.Clear();
            PreviewHtml = markdown.ToSafeHtml(Input.Body);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }
        if (NewsroomText.MoveOf(Aksi) is not { } move)
        {
            return BadRequest();
        }
        var check = PostWorkflow.Check(Actor, Post?.AuthorId ?? Actor.UserId, State, move);
        if (check == MoveCheck.Forbidden)
        {
            return Forbid();
        }
        await LoadChoicesAsync(cancellationToken);
        if (check == MoveCheck.WrongState)
        {
            ModelState.AddModelError(string.Empty, text["Langkah ini tidak bisa dilakukan pada tulisan berstatus {0}.", text[NewsroomText.State(State)]]);
            return Page();
        }

        // A new hero photo is stored first: if the form is refused below, the photo stays in it.
        if (Input.HeroPhoto is { Length: > 0 } photo)
        {
            var stored = await images.SaveUploadAsAddressAsync(photo, ImagePurpose.PostPhoto, Actor.UserId, cancellationToken);
            if (stored.Value is { } address)
            {
                Input.HeroImagePath = address;
                ModelState.Remove("Input.HeroImagePath");
            }
            else
            {
                ModelState.AddModelError("Input.HeroPhoto", stored.Failure!.Message(text));
            }
        }

        var tags = PostTags.Normalise(Input.Tags);
        var publishAt = Input.PublishAt is { } typed ? new DateTimeOffset(typed, Wib.Offset) : (DateTimeOffset?)null;
        Validate(move, tags, publishAt);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var related = new[] { Input.Related1, Input.Related2, Input.Related3 }.OfType<int>().ToArray();
        var result = await save.RunAsync(Actor, new PostForm(
            id, Input.Version, move, Input.Title, Input.Lead, Input.Body, Input.DatelineCity, Input.HeroImagePath, Input.HeroCaption,
            Input.HeroCredit, Input.AuthorId, Input.EditorId, tags, Input.CampaignId, related, Input.Slug, publishAt), cancellationToken);
        switch (result.Outcome)
        {
            case SavePostOutcome.Saved:
                Saved = NewsroomText.Value(move);
                return Redirect($"/redaksi/{result.Id}/ubah");
            case SavePostOutcome.NotFound:
                return NotFound();
            case SavePostOutcome.Forbidden:
                return Forbid();
            case SavePostOutcome.WrongState:
                ModelState.AddModelError(string.Empty, text["Status tulisan ini baru saja berubah, dan langkah ini tidak bisa dilakukan lagi. Muat ulang halaman; isian Anda belum disimpan."]);
                return Page();
            case SavePostOutcome.Conflict:
                ShowConflict(result.Current!);
                return Page();
            case SavePostOutcome.SlugTaken:
                ModelState.AddModelError("Input.Slug", text["Alamat ini sudah dipakai tulisan lain. Pilih alamat lain; isian Anda belum disimpan."]);
                return Page();
            case SavePostOutcome.SlugFrozen:
                ModelState.AddModelError("Input.Slug", text["Alamat tulisan yang pernah terbit hanya bisa diubah staf redaksi."]);
                return Page();
            case SavePostOutcome.SlugInvalid:
                ModelState.AddModelError("Input.Slug", text["Isi alamat dengan huruf atau angka."]);
                return Page();
            default:
                ModelState.AddModelError("Input.PublishAt", text["Waktu terbit sudah lewat. Pilih waktu yang akan datang (WIB)."]);
                return Page();
        }
    }

    private void Validate(PostMove move, string[] tags, DateTimeOffset? publishAt)
    {
        if (move == PostMove.Schedule)
        {
            if (publishAt is null)
            {
                ModelState.AddModelError("Input.PublishAt", text["Isi waktu terbit (WIB) untuk menjadwalkan."]);
            }
            else if (!PostWorkflow.IsValidScheduleTime(publishAt.Value, clock.GetUtcNow()))
            {
                ModelState.AddModelError("Input.PublishAt", text["Waktu terbit sudah lewat. Pilih waktu yang akan datang (WIB)."]);
            }
        }
        var typedSlug = string.IsNullOrWhiteSpace(Input.Slug) ? null : Input.Slug.Trim();
        if (typedSlug is not null && Domain.Slug.From(typedSlug).Length == 0)
        {
            ModelState.AddModelError("Input.Slug", text["Isi alamat dengan huruf atau angka."]);
        }
        else if (typedSlug is null && IsNew && !string.IsNullOrWhiteSpace(Input.Title) && Domain.Slug.From(Input.Title).Length == 0)
        {
            ModelState.AddModelError("Input.Slug", text["Judul ini tidak menghasilkan alamat. Isi alamat sendiri."]);
        }
        else if (typedSlug is not null && Post is not null && Domain.Slug.From(typedSlug) != Post.Slug
            && !PostWorkflow.MayChangeSlug(Actor, Post.WasEverPublished))
        {
            ModelState.AddModelError("Input.Slug", text["Alamat tulisan yang pernah terbit hanya bisa diubah staf redaksi."]);
        }
        if (PostTags.TooMany(tags))
        {
            ModelState.AddModelError("Input.Tags", text["Paling banyak {0} tag.", PostTags.MaxCount]);
        }
        else if (PostTags.TooLong(tags))
        {
            ModelState.AddModelError("Input.Tags", text["Satu tag paling banyak {0} karakter.", PostTags.MaxLength]);
        }
        if (Input.CampaignId is { } campaignId && Choices.Campaigns.All(c => c.Id != campaignId))
        {
            ModelState.AddModelError("Input.CampaignId", text["Kampanye tidak dikenal."]);
        }
        foreach (var (related, field) in new[] { (Input.Related1, "Input.Related1"), (Input.Related2, "Input.Related2"), (Input.Related3, "Input.Related3") })
        {
            if (related is { } relatedId && Choices.Posts.All(p => p.Id != relatedId))
            {
                ModelState.AddModelError(field, text["Tulisan ini tidak bisa dipilih untuk \"Baca juga\"."]);
            }
        }
        if (Actor.IsEditor)
        {
            if (Input.AuthorId is { } authorId && Choices.People.All(p => p.Id != authorId))
            {
                ModelState.AddModelError("Input.AuthorId", text["Pilih penulis dari daftar."]);
            }
            if (Input.EditorId is { } editorId && !Choices.People.Any(p => p.Id == editorId && p.IsEditor))
            {
                ModelState.AddModelError("Input.EditorId", text["Pilih editor dari daftar staf."]);
            }
        }
    }

    private void ShowConflict(PostSnapshot current)
    {
        Conflict = current;
        ConflictBody = LineDiff.Compare(current.Body, Input.Body);
        // Saving again now means "mine over theirs", on purpose, after seeing both.
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        ModelState.AddModelError(string.Empty, text["Tulisan ini baru saja disimpan orang lain. Bandingkan versi tersimpan dengan isian Anda di bawah; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
    }

    private async Task<IActionResult?> LoadPostAsync(int? id, CancellationToken cancellationToken)
    {
        Actor = NewsroomActors.Of(User);
        if (id is { } postId)
        {
            Post = await editor.RunAsync(postId, cancellationToken);
            if (Post is null)
            {
                return NotFound();
            }
            if (!PostWorkflow.MayOpen(Actor, Post.AuthorId))
            {
                return Forbid();
            }
        }
        Moves = Enum.GetValues<PostMove>()
            .Where(m => PostWorkflow.Check(Actor, Post?.AuthorId ?? Actor.UserId, State, m) == MoveCheck.Allowed)
            .ToList();
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var chosen = new[] { Input.Related1, Input.Related2, Input.Related3 }.OfType<int>().ToList();
        Choices = await editor.ChoicesAsync(Post?.Id, chosen, cancellationToken);
    }

    public sealed class InputModel
    {
        public uint Version { get; set; }

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(Domain.Post.TitleMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Judul")]
        public string Title { get; set; } = "";

        [StringLength(Domain.Post.LeadMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Teras berita (lead)")]
        public string? Lead { get; set; }

        [Required(ErrorMessage = "Tulis isi beritanya.")]
        [StringLength(Domain.Post.BodyMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Isi (Markdown)")]
        public string Body { get; set; } = "";

        [StringLength(100, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Kota (dateline)")]
        public string? DatelineCity { get; set; }

        /// The stored hero photo's address; a new upload replaces it.
        [StringLength(500, ErrorMessage = "{0} paling banyak {1} karakter.")]
        public string? HeroImagePath { get; set; }

        /// A new hero photo (JPEG, PNG or WebP up to 5 MB, checked by ImageStore).
        public IFormFile? HeroPhoto { get; set; }

        [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Keterangan foto")]
        public string? HeroCaption { get; set; }

        [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Kredit foto")]
        public string? HeroCredit { get; set; }

        [Display(Name = "Penulis")]
        public Guid? AuthorId { get; set; }

        [Display(Name = "Editor (Red:)")]
        public Guid? EditorId { get; set; }

        [StringLength(600, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Tag (pisahkan dengan koma)")]
        public string? Tags { get; set; }

        [Display(Name = "Kampanye")]
        public int? CampaignId { get; set; }

        [Display(Name = "Baca juga 1")]
        public int? Related1 { get; set; }

        [Display(Name = "Baca juga 2")]
        public int? Related2 { get; set; }

        [Display(Name = "Baca juga 3")]
        public int? Related3 { get; set; }

        [StringLength(Domain.Slug.MaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Alamat (slug)")]
        public string? Slug { get; set; }

        [Display(Name = "Terbit pada (WIB)")]
        public DateTime? PublishAt { get; set; }

        public static InputModel From(PostEditorView post) => new()
        {
            Version = post.Version,
            Title = post.Title,
            Lead = post.Lead,
            Body = post.Body,
            DatelineCity = post.DatelineCity,
            HeroImagePath = post.HeroImagePath,
            HeroCaption = post.HeroCaption,
            HeroCredit = post.HeroCredit,
            AuthorId = post.AuthorId,
            EditorId = post.EditorId,
            Tags = string.Join(", ", post.Tags),
            CampaignId = post.CampaignId,
            Related1 = post.RelatedPostIds.ElementAtOrDefault(0) is var r1 and > 0 ? r1 : null,
            Related2 = post.RelatedPostIds.ElementAtOrDefault(1) is var r2 and > 0 ? r2 : null,
            Related3 = post.RelatedPostIds.ElementAtOrDefault(2) is var r3 and > 0 ? r3 : null,
            Slug = post.Slug,
            PublishAt = post.ScheduledFor is { } at ? Wib.ToWib(at).DateTime : null,
        };
    }
}
