using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Data.Seeding;

/// Loads the invented campaigns, IKM, products, posts, events, rounds, e-Smart IKM cohorts and
/// sales reports of seeds/demo. Matched by slug: a second load adds nothing, except the English
/// names and titles to demo campaigns and posts loaded before the seeds had them.
internal sealed class DemoDataSeeder(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(string seedsDirectory, CancellationToken cancellationToken)
    {
        var demo = Path.Combine(seedsDirectory, "demo");
        var productsBefore = await db.Products.CountAsync(cancellationToken);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, cancellationToken);
        var campaigns = await SeedCampaignsAsync(Path.Combine(demo, "campaigns.json"), categories, cancellationToken);
        var ikmSlugs = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(demo, "ikm"), "*.json").Order(StringComparer.Ordinal))
        {
            var ikms = SeedFiles.Read<List<IkmSeed>>(file);
            ikmSlugs.AddRange(ikms.Select(i => i.Slug));
            await SeedIkmsAsync(ikms, categories, cancellationToken);
        }
        await SeedPostsAsync(Path.Combine(demo, "posts.json"), campaigns, cancellationToken);
        await SeedEventsAsync(Path.Combine(demo, "events.json"), campaigns, cancellationToken);
        await new DemoRoundsSeeder(db, clock).SeedAsync(Path.Combine(demo, "melokal.json"), campaigns, cancellationToken);
        await new DemoESmartSeeder(db, clock).SeedAsync(Path.Combine(demo, "esmart.json"), cancellationToken);
        await new DemoSalesSeeder(db, clock).SeedAsync(Path.Combine(demo, "sales.json"), ikmSlugs, campaigns, cancellationToken);
        db.ChangeTracker.Clear();
        if (await db.Products.CountAsync(cancellationToken) != productsBefore)
        {
            // The common words whose facet counts are kept are chosen from the catalogue as it is.
            await db.Database.ExecuteSqlAsync($"SELECT product_facet_counts_rebuild({Wib.Today(clock)})", cancellationToken);
        }
    }

    private async Task<Dictionary<string, Campaign>> SeedCampaignsAsync(
        string path, Dictionary<string, Category> categories, CancellationToken cancellationToken)
    {
        var existing = await db.Campaigns.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        var seeds = SeedFiles.Read<List<CampaignSeed>>(path);
        // English names came after the first demo loads: given to demo campaigns staff never edited.
        foreach (var seed in seeds)
        {
            if (existing.TryGetValue(seed.Slug, out var loaded) && loaded.UpdatedAt == loaded.CreatedAt && loaded.EnglishName is null && loaded.EnglishTagline is null)
            {
                loaded.EnglishName = seed.EnglishName;
                loaded.EnglishTagline = seed.EnglishTagline;
            }
        }
        foreach (var seed in seeds.Where(s => !existing.ContainsKey(s.Slug)))
        {
            var campaign = new Campaign
            {
                Slug = seed.Slug,
                Name = seed.Name,
                Hashtag = seed.Hashtag,
                Tagline = seed.Tagline,
                EnglishName = seed.EnglishName,
                EnglishTagline = seed.EnglishTagline,
                Description = seed.Description,
                StartsOn = seed.StartsOn,
                EndsOn = seed.EndsOn,
                BannerCredit = seed.BannerCredit,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var slug in seed.FeaturedCategories ?? [])
            {
                campaign.FeatureCategory(categories[slug]);
            }
            db.Campaigns.Add(campaign);
            existing[seed.Slug] = campaign;
        }
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private async Task SeedIkmsAsync(IReadOnlyList<IkmSeed> seeds, Dictionary<string, Category> categories, CancellationToken cancellationToken)
    {
        var slugs = seeds.Select(s => s.Slug).ToList();
        var existingIkms = await db.Ikms.Where(i => slugs.Contains(i.Slug)).Select(i => i.Slug).ToListAsync(cancellationToken);
        var productSlugs = seeds.SelectMany(s => s.Products).Select(p => p.Slug).ToList();
        var existingProducts = (await db.Products.Where(p => productSlugs.Contains(p.Slug)).Select(p => p.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();

        foreach (var seed in seeds.Where(s => !existingIkms.Contains(s.Slug)))
        {
            var ikm = new Ikm
            {
                Slug = seed.Slug,
                Name = seed.Name,
                Nib = seed.Nib,
                Scale = Enum.Parse<IkmScale>(seed.Scale, ignoreCase: true),
                Kbli = seed.Kbli,
                ProvinceCode = seed.ProvinceCode,
                RegencyCode = seed.RegencyCode,
                DistrictCode = seed.DistrictCode,
                Address = seed.Address,
                Sentra = seed.Sentra,
                FoundedYear = seed.FoundedYear,
                Story = seed.Story,
                WhatsApp = seed.WhatsApp,
                Email = seed.Email,
                Website = seed.Website,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (seed.Verification == "verified")
            {
                ikm.Verify(now);
            }
            db.Ikms.Add(ikm);
            await db.SaveChangesAsync(cancellationToken);

            foreach (var productSeed in seed.Products.Where(p => !existingProducts.Contains(p.Slug)))
            {
                db.Products.Add(ToProduct(productSeed, ikm, categories, now));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static Product ToProduct(ProductSeed seed, Ikm ikm, Dictionary<string, Category> categories, DateTimeOffset now)
    {
        // Demo listings appear as published on their date, at 09.00 WIB.
        var publishedAt = seed.PublishedOn is { } day
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Wib.Offset).ToUniversalTime()
            : now;
        var product = new Product
        {
            IkmId = ikm.Id,
            CategoryId = categories[seed.Category].Id,
            Slug = seed.Slug,
            Name = seed.Name,
            Description = seed.Description,
            Unit = seed.Unit,
            MinOrder = seed.MinOrder ?? 1,
            CreatedAt = publishedAt,
            UpdatedAt = publishedAt,
        };
        product.SetPrice(seed.PriceMin, seed.PriceMax);
        foreach (var certification in seed.Certifications ?? [])
        {
            product.AddCertification(new Certification
            {
                Kind = ParseCertificationKind(certification.Kind),
                Number = certification.Number,
                IssuedOn = certification.IssuedOn,
                ExpiresOn = certification.ExpiresOn,
                TkdnPercent = certification.Percentage,
                BmpPercent = certification.Bmp,
            });
        }
        foreach (var link in seed.Marketplaces ?? [])
        {
            product.AddMarketplaceLink(Enum.Parse<Marketplace>(link.Platform, ignoreCase: true), link.Url);
        }
        if (ikm.IsVerified)
        {
            product.Publish(publishedAt);
        }
        return product;
    }

    private static CertificationKind ParseCertificationKind(string kind) => kind switch
    {
        "tkdn" => CertificationKind.Tkdn,
        "halal" => CertificationKind.Halal,
        "sni" => CertificationKind.Sni,
        "pirt" => CertificationKind.Pirt,
        "bpom-md" => CertificationKind.BpomMd,
        "bpom-ml" => CertificationKind.BpomMl,
        _ => throw new InvalidDataException($"Unknown certification kind '{kind}' in seeds."),
    };

    private async Task SeedPostsAsync(string path, Dictionary<string, Campaign> campaigns, CancellationToken cancellationToken)
    {
        var existing = (await db.Posts.Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var seeds = SeedFiles.Read<List<PostSeed>>(path);
        // English titles came after the first demo loads: given to demo posts nobody edited since.
        var english = seeds.Where(s => s.EnglishTitle is not null || s.EnglishLead is not null).ToDictionary(s => s.Slug, StringComparer.Ordinal);
        var englishSlugs = english.Keys.ToList();
        foreach (var loaded in await db.Posts.Where(p => englishSlugs.Contains(p.Slug) && p.EnglishTitle == null && p.EnglishLead == null && p.UpdatedAt == p.CreatedAt)
            .ToListAsync(cancellationToken))
        {
            loaded.EnglishTitle = english[loaded.Slug].EnglishTitle;
            loaded.EnglishLead = english[loaded.Slug].EnglishLead;
        }
        foreach (var seed in seeds.Where(s => !existing.Contains(s.Slug)))
        {
            var publishedAt = seed.PublishedAt.ToUniversalTime();
            var post = new Post
            {
                Slug = seed.Slug,
                Title = seed.Title,
                Lead = seed.Lead,
                EnglishTitle = seed.EnglishTitle,
                EnglishLead = seed.EnglishLead,
                Body = seed.Body,
                DatelineCity = seed.DatelineCity,
                Author = seed.Author,
                Editor = seed.Editor,
                Tags = [.. seed.Tags ?? []],
                CampaignId = seed.Campaign is null ? null : campaigns[seed.Campaign].Id,
                HeroCaption = seed.HeroCaption,
                HeroCredit = seed.HeroCredit,
                CreatedAt = publishedAt,
                UpdatedAt = publishedAt,
            };
            post.Publish(publishedAt);
            db.Posts.Add(post);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// Demo events are dated from the day they are first loaded, so a fresh demo has events to
    /// sign up for.
    private async Task SeedEventsAsync(string path, Dictionary<string, Campaign> campaigns, CancellationToken cancellationToken)
    {
        var existing = (await db.Events.Select(e => e.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var today = Wib.Today(clock);
        foreach (var seed in SeedFiles.Read<List<EventSeed>>(path).Where(s => !existing.Contains(s.Slug)))
        {
            var day = today.AddDays(seed.DaysFromSeeding);
            var startsAt = new DateTimeOffset(day.ToDateTime(TimeOnly.Parse(seed.StartsAtWib, System.Globalization.CultureInfo.InvariantCulture)), Wib.Offset);
            db.Events.Add(new CampaignEvent
            {
                Slug = seed.Slug,
                Title = seed.Title,
                CampaignId = seed.Campaign is null ? null : campaigns[seed.Campaign].Id,
                StartsAt = startsAt.ToUniversalTime(),
                EndsAt = startsAt.AddHours(seed.Hours).ToUniversalTime(),
                Place = seed.Place,
                OnlineUrl = seed.OnlineUrl,
                Capacity = seed.Capacity,
                Description = seed.Description,
                State = EventState.Published,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
