using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Domain.Search;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.UnitTests.Infrastructure;

/// Which saved rows empty the public pages' caches. The context is never connected: the change
/// tracker alone says what a save would write.
public sealed class CacheEvictionInterceptorTests : IDisposable
{
    private readonly AppDbContext _db = new(
        (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=127.0.0.1;Database=never-opened").Options);

    public void Dispose() => _db.Dispose();

    private bool Evicts(object entity) => CacheEvictionInterceptor.ChangesPublicPages(_db.Entry(entity));

    [Fact]
    public void ChangesPublicPages_CatalogueRows_Evict()
    {
        _db.Add(new Product { Slug = "kopi", Name = "Kopi" });
        _db.Add(new Ikm { Slug = "ikm", Name = "IKM", Nib = "9120001000001", ProvinceCode = "11", RegencyCode = "11.17" });

        Assert.All(_db.ChangeTracker.Entries(), e => Assert.True(CacheEvictionInterceptor.ChangesPublicPages(e)));
    }

    [Fact]
    public void ChangesPublicPages_AMelokalRound_Evicts_BecauseTheCampaignPageLinksToItsRounds()
    {
        var round = new InfluencerRound { Slug = "putaran", Title = "Putaran", CampaignId = 1 };
        _db.Add(round);

        Assert.True(Evicts(round));
    }

    [Fact]
    public void ChangesPublicPages_CountersAndAuditEntries_DoNotEvict()
    {
        var audit = new AuditEntry { At = DateTimeOffset.UnixEpoch, EntityType = "Product", EntityId = "1", Action = "updated", Changes = "{}" };
        _db.Add(audit);

        Assert.False(Evicts(audit));
    }

    [Fact]
    public void ChangesPublicPages_ACommentWaitingForStaff_DoesNotEvict_AnApprovedOneDoes()
    {
        var waiting = new Comment { PostId = 1, AuthorName = "Dewi", Text = "Mantap", AddressHash = "a" };
        var shown = new Comment { PostId = 1, AuthorName = "Tono", Text = "Keren", AddressHash = "b", State = CommentState.Approved };
        _db.AddRange(waiting, shown);

        Assert.False(Evicts(waiting));
        Assert.True(Evicts(shown));
    }

    [Fact]
    public void ChangesPublicPages_AShownCommentMarkedAsSpam_Evicts()
    {
        var comment = new Comment { PostId = 1, AuthorName = "Tono", Text = "Keren", AddressHash = "b", State = CommentState.Approved };
        var saved = _db.Entry(comment);
        saved.Property(c => c.Id).CurrentValue = 5;
        saved.State = EntityState.Unchanged;

        comment.State = CommentState.Spam;
        _db.ChangeTracker.DetectChanges();

        Assert.True(Evicts(comment));
    }

    [Fact]
    public void ChangesPublicPages_ADraftPost_DoesNotEvict()
    {
        var draft = new Post { Slug = "draf", Title = "Draf", Body = "Isi" };
        _db.Add(draft);

        Assert.False(Evicts(draft));
    }

    [Fact]
    public void ChangesPublicPages_ASearchSynonym_Evicts_BecauseSearchAppliesItAtQueryTime()
    {
        var synonym = new SearchSynonym { Word = "hijab", SameAs = "jilbab", BothWays = true };
        _db.Add(synonym);

        Assert.True(Evicts(synonym));
    }
}
