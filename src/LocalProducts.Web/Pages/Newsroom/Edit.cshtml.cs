using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Newsroom;

/// Write (/redaksi/tulis) or edit (/redaksi/{id}/ubah) a post. One form: every button saves what
/// was typed together with its move ("aksi"), except "Pratinjau", which only shows the post as
/// readers will see it. Who may make which move, and everything typed, is checked by the command.
[ImageUploadLimits]
public sealed class EditModel(PostEditorQuery editor, SavePostCommand save, MarkdownRenderer markdown) : PageModel
{
    [BindProperty]
    public PostForm Input { get; set; } = new();

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
        Input = Post is null ? new PostForm { AuthorId = Actor.UserId } : PostForm.From(Post);
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
        var result = await save.RunAsync(Actor, id, move, Input, ModelState.IsValid, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Saved = NewsroomText.Value(move);
                return Redirect($"/redaksi/{result.Id}/ubah");
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Forbidden:
                return Forbid();
        }
        ModelState.AddResult(result);
        // The command may have stored a new photo: the form shows its address, not the one posted.
        ModelState.Remove("Input.HeroImagePath");
        if (result.Current is PostSnapshot current)
        {
            // Saving again now means "mine over theirs", on purpose, after seeing both.
            Conflict = current;
            ConflictBody = LineDiff.Compare(current.Body, Input.Body);
            Input.Version = current.Version;
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
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
        Choices = await editor.ChoicesAsync(Actor, Post?.Id, chosen, cancellationToken);
    }
}
