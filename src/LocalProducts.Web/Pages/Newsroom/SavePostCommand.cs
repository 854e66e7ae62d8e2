using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Newsroom;

/// The post as it is saved now, shown to the second of two editors beside what they typed.
public sealed record PostSnapshot(string Title, string? Lead, string? EnglishTitle, string Body, PostState State, DateTimeOffset UpdatedAt, uint Version, string? SavedBy)
    : SavedVersion(Version);

/// Saves a post with a workflow move. The move is checked first against the post as the page saw
/// it, then again under the post's row lock against the state as it is in the database; a stale
/// form is a conflict, and every save keeps a numbered revision. A new hero photo is stored
/// before anything is refused, so it stays in the form.
public sealed class SavePostCommand(
    AppDbContext db,
    PostEditorQuery editor,
    ImageStore images,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<SavePostCommand> logger)
{
    /// fieldsValid tells whether binding and the form's attributes took every field: the command
    /// still stores the photo and checks its own rules (the writer sees every message at once) but
    /// saves only when both pass.
    public async Task<CommandResult> RunAsync(
        NewsroomActor actor, int? id, PostMove move, PostForm form, bool fieldsValid, CancellationToken cancellationToken)
    {
        var seen = id is { } postId
            ? await db.Posts.AsNoTracking().Where(p => p.Id == postId)
                .Select(p => new SeenPost(p.AuthorId, p.State, p.Slug, p.PublishedAt != null)).FirstOrDefaultAsync(cancellationToken)
            : new SeenPost(actor.UserId, PostState.Draft, null, false);
        if (seen is null)
        {
            return CommandResult.NotFound;
        }
        if (!PostWorkflow.MayOpen(actor, seen.AuthorId))
        {
            return CommandResult.Forbidden;
        }
        var check = PostWorkflow.Check(actor, seen.AuthorId, seen.State, move);
        if (check == MoveCheck.Forbidden)
        {
            return CommandResult.Forbidden;
        }
        if (check == MoveCheck.WrongState)
        {
            return CommandResult.Invalid("", text["Langkah ini tidak bisa dilakukan pada tulisan berstatus {0}.", text[NewsroomText.State(seen.State)]]);
        }

        var errors = new List<FormError>();
        if (form.HeroPhoto is { Length: > 0 } photo)
        {
            var stored = await images.SaveUploadAsAddressAsync(photo, ImagePurpose.PostPhoto, actor.UserId, cancellationToken);
            if (stored.Value is { } address)
            {
                form.HeroImagePath = address;
            }
            else
            {
                errors.Add(new("Input.HeroPhoto", stored.Failure!.Message(text)));
            }
        }
        var tags = PostTags.Normalise(form.Tags);
        var publishAt = form.PublishAt is { } typed ? new DateTimeOffset(typed, Wib.Offset) : (DateTimeOffset?)null;
        var related = new[] { form.Related1, form.Related2, form.Related3 }.OfType<int>().ToArray();
        errors.AddRange(await ValidateAsync(actor, id, seen, move, form, tags, publishAt, related, cancellationToken));
        if (errors.Count > 0 || !fieldsValid)
        {
            return CommandResult.Invalid(errors);
        }
        return await SaveAsync(actor, id, move, form, tags, publishAt, related, cancellationToken);
    }

    private sealed record SeenPost(Guid? AuthorId, PostState State, string? Slug, bool WasEverPublished);

    private async Task<List<FormError>> ValidateAsync(
        NewsroomActor actor, int? id, SeenPost seen, PostMove move, PostForm form, string[] tags, DateTimeOffset? publishAt, int[] related,
        CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        if (move == PostMove.Schedule)
        {
            if (publishAt is null)
            {
                errors.Add(new("Input.PublishAt", text["Isi waktu terbit (WIB) untuk menjadwalkan."]));
            }
            else if (!PostWorkflow.IsValidScheduleTime(publishAt.Value, clock.GetUtcNow()))
            {
                errors.Add(new("Input.PublishAt", text["Waktu terbit sudah lewat. Pilih waktu yang akan datang (WIB)."]));
            }
        }
        var typedSlug = string.IsNullOrWhiteSpace(form.Slug) ? null : form.Slug.Trim();
        if (typedSlug is not null && Slug.From(typedSlug).Length == 0)
        {
            errors.Add(new("Input.Slug", text["Isi alamat dengan huruf atau angka."]));
        }
        else if (typedSlug is null && id is null && !string.IsNullOrWhiteSpace(form.Title) && Slug.From(form.Title).Length == 0)
        {
            errors.Add(new("Input.Slug", text["Judul ini tidak menghasilkan alamat. Isi alamat sendiri."]));
        }
        else if (typedSlug is not null && id is not null && Slug.From(typedSlug) != seen.Slug && !PostWorkflow.MayChangeSlug(actor, seen.WasEverPublished))
        {
            errors.Add(new("Input.Slug", text["Alamat tulisan yang pernah terbit hanya bisa diubah staf redaksi."]));
        }
        if (PostTags.TooMany(tags))
        {
            errors.Add(new("Input.Tags", text["Paling banyak {0} tag.", PostTags.MaxCount]));
        }
        else if (PostTags.TooLong(tags))
        {
            errors.Add(new("Input.Tags", text["Satu tag paling banyak {0} karakter.", PostTags.MaxLength]));
        }
        // What the form offers is what may be chosen: the same lists the page shows.
        var choices = await editor.ChoicesAsync(actor, id, related, cancellationToken);
        if (form.CampaignId is { } campaignId && choices.Campaigns.All(c => c.Id != campaignId))
        {
            errors.Add(new("Input.CampaignId", text["Kampanye tidak dikenal."]));
        }
        foreach (var (relatedId, field) in new[] { (form.Related1, "Input.Related1"), (form.Related2, "Input.Related2"), (form.Related3, "Input.Related3") })
        {
            if (relatedId is { } chosen && choices.Posts.All(p => p.Id != chosen))
            {
                errors.Add(new(field, text["Tulisan ini tidak bisa dipilih untuk \"Baca juga\"."]));
            }
        }
        if (actor.IsEditor)
        {
            if (form.AuthorId is { } authorId && choices.People.All(p => p.Id != authorId))
            {
                errors.Add(new("Input.AuthorId", text["Pilih penulis dari daftar."]));
            }
            if (form.EditorId is { } editorId && !choices.People.Any(p => p.Id == editorId && p.IsEditor))
            {
                errors.Add(new("Input.EditorId", text["Pilih editor dari daftar staf."]));
            }
        }
        return errors;
    }

    private async Task<CommandResult> SaveAsync(
        NewsroomActor actor, int? id, PostMove move, PostForm form, string[] tags, DateTimeOffset? publishAt, int[] related,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Post post;
        PostRevision? baseline = null;
        var isNew = id is null;
        if (id is { } postId)
        {
            var locked = await PostLock.LoadAsync(db, postId, cancellationToken);
            if (locked is null)
            {
                return CommandResult.NotFound;
            }
            post = locked;
            var check = PostWorkflow.Check(actor, post.AuthorId, post.State, move);
            if (check == MoveCheck.Forbidden || !PostWorkflow.MayOpen(actor, post.AuthorId))
            {
                return CommandResult.Forbidden;
            }
            if (post.Version != form.Version)
            {
                return CommandResult.Conflicted(await SnapshotAsync(post, cancellationToken),
                    text["Tulisan ini baru saja disimpan orang lain. Bandingkan versi tersimpan dengan isian Anda di bawah; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
            }
            if (check == MoveCheck.WrongState)
            {
                return CommandResult.Invalid("", text["Status tulisan ini baru saja berubah, dan langkah ini tidak bisa dilakukan lagi. Muat ulang halaman; isian Anda belum disimpan."]);
            }
            // Posts from before revisions (demo seeds) get their first text kept as revision 1.
            if (!await db.PostRevisions.AnyAsync(r => r.PostId == postId, cancellationToken))
            {
                baseline = PostRevision.Of(post, 1, null, null, post.UpdatedAt);
            }
        }
        else
        {
            var check = PostWorkflow.Check(actor, actor.UserId, PostState.Draft, move);
            if (check != MoveCheck.Allowed)
            {
                return check == MoveCheck.Forbidden
                    ? CommandResult.Forbidden
                    : CommandResult.Invalid("", text["Status tulisan ini baru saja berubah, dan langkah ini tidak bisa dilakukan lagi. Muat ulang halaman; isian Anda belum disimpan."]);
            }
            post = new Post { Slug = "", Title = "", Body = "", CreatedAt = now };
        }

        if (move == PostMove.Schedule && !(publishAt is { } at && PostWorkflow.IsValidScheduleTime(at, now)))
        {
            return CommandResult.Invalid("Input.PublishAt", text["Waktu terbit sudah lewat. Pilih waktu yang akan datang (WIB)."]);
        }

        if (await ApplySlugAsync(actor, post, form, isNew, now, cancellationToken) is { } slugError)
        {
            return CommandResult.Invalid("Input.Slug", slugError);
        }

        var before = post.State;
        await ApplyTextAsync(actor, post, form, tags, related, cancellationToken);
        post.UpdatedAt = now;
        post.Move(move, now, publishAt);
        try
        {
            if (isNew)
            {
                db.Posts.Add(post);
            }
            await db.SaveChangesAsync(cancellationToken);
            var number = 1;
            if (baseline is not null)
            {
                db.PostRevisions.Add(baseline);
                number = 2;
            }
            else if (!isNew)
            {
                number = await db.PostRevisions.Where(r => r.PostId == post.Id).MaxAsync(r => r.Number, cancellationToken) + 1;
            }
            db.PostRevisions.Add(PostRevision.Of(post, number, actor.UserId, await NameOfAsync(actor.UserId, cancellationToken), now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another post took the slug between the check and the save.
            return CommandResult.Invalid("Input.Slug", SlugTaken);
        }

        logger.LogInformation("Post {PostId} saved by user {UserId} with move {Move}: {From} to {To}", post.Id, actor.UserId, move, before, post.State);
        return CommandResult.Saved(id: post.Id);
    }

    private string SlugTaken => text["Alamat ini sudah dipakai tulisan lain. Pilih alamat lain; isian Anda belum disimpan."];

    /// Titles never change the slug by themselves: a new post takes its slug from the title when
    /// none is typed; later only a typed change does, and the address of a post that has been
    /// public keeps redirecting.
    private async Task<string?> ApplySlugAsync(NewsroomActor actor, Post post, PostForm form, bool isNew, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = !string.IsNullOrWhiteSpace(form.Slug) ? Slug.From(form.Slug)
            : isNew ? Slug.From(form.Title)
            : post.Slug;
        if (wanted.Length == 0)
        {
            return text["Isi alamat dengan huruf atau angka."];
        }
        if (wanted == post.Slug)
        {
            return null;
        }
        if (!isNew && !PostWorkflow.MayChangeSlug(actor, post.WasEverPublished))
        {
            return text["Alamat tulisan yang pernah terbit hanya bisa diubah staf redaksi."];
        }
        var postId = post.Id;
        if (await db.Posts.AnyAsync(p => p.Slug == wanted && p.Id != postId, cancellationToken)
            || await db.PostSlugRedirects.AnyAsync(r => r.Slug == wanted && r.PostId != postId, cancellationToken))
        {
            return SlugTaken;
        }
        if (!isNew && post.WasEverPublished)
        {
            db.PostSlugRedirects.Add(new PostSlugRedirect { Slug = post.Slug, PostId = postId, RetiredAt = now });
        }
        // Back to one of its own old addresses: that one is current again.
        var own = await db.PostSlugRedirects.FirstOrDefaultAsync(r => r.Slug == wanted && r.PostId == postId, cancellationToken);
        if (own is not null)
        {
            db.PostSlugRedirects.Remove(own);
        }
        post.Slug = wanted;
        return null;
    }

    private async Task ApplyTextAsync(NewsroomActor actor, Post post, PostForm form, string[] tags, int[] related, CancellationToken cancellationToken)
    {
        post.Title = form.Title.Trim();
        post.Lead = Trimmed(form.Lead);
        // Not kept in revisions (post_revisions has no columns for them): restoring an old
        // version leaves the English title and lead as they are.
        post.EnglishTitle = Trimmed(form.EnglishTitle);
        post.EnglishLead = Trimmed(form.EnglishLead);
        post.Body = form.Body.Trim();
        post.DatelineCity = Trimmed(form.DatelineCity);
        var hero = form.HeroImagePath?.Trim();
        // The photo comes from the site's own media store (the upload is wired there).
        post.HeroImagePath = MediaUrls.IsMediaPath(hero) ? hero : null;
        post.HeroCaption = Trimmed(form.HeroCaption);
        post.HeroCredit = Trimmed(form.HeroCredit);
        post.Tags = tags;
        post.CampaignId = form.CampaignId;
        post.RelatedPostIds = [.. related.Where(id => id != post.Id).Distinct().Take(Post.MaxRelated)];
        if (actor.IsEditor)
        {
            // No account chosen keeps the name already printed (posts from before accounts).
            if (form.AuthorId is { } authorId && authorId != post.AuthorId)
            {
                post.AuthorId = authorId;
                post.Author = await NameOfAsync(authorId, cancellationToken);
            }
            if (form.EditorId is { } editorId && editorId != post.EditorId)
            {
                post.EditorId = editorId;
                post.Editor = await NameOfAsync(editorId, cancellationToken);
            }
        }
        else if (post.AuthorId != actor.UserId || post.Author is null)
        {
            // A writer's post is theirs: the byline is never someone else's, whatever the form says.
            post.AuthorId = actor.UserId;
            post.Author = await NameOfAsync(actor.UserId, cancellationToken);
        }
    }

    private async Task<PostSnapshot> SnapshotAsync(Post post, CancellationToken cancellationToken)
    {
        var savedBy = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == post.Id)
            .OrderByDescending(r => r.Number).Select(r => r.SavedByName).FirstOrDefaultAsync(cancellationToken);
        return new PostSnapshot(post.Title, post.Lead, post.EnglishTitle, post.Body, post.State, post.UpdatedAt, post.Version, savedBy);
    }

    /// The name printed in the byline (at most the column's 100 characters).
    private async Task<string?> NameOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        return name is { Length: > 100 } ? name[..100] : name;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal static class PostLock
{
    /// The post, locked until the transaction ends: moves, saves and the publishing job take
    /// turns on it.
    public static Task<Post?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Posts.FromSql($"SELECT *, xmin FROM posts WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
