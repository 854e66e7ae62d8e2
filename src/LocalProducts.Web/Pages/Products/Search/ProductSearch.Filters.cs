using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace LocalProducts.Web.Pages.Products.Search;

/// The filters of a search and the SQL conditions they make.
public sealed partial class ProductSearch
{
    /// A query word as indexed (stemmed unless protected) and as typed (for names and places).
    private sealed record SearchWord(string Stem, string Raw);

    /// The filters of one search, written as SQL conditions with their parameters.
    private sealed record SearchFilters(
        IReadOnlyList<SearchWord> Lexemes,
        IReadOnlyList<int>? CategoryIds,
        string? ProvinceCode,
        string? RegencyCode,
        long? PriceMin,
        long? PriceMax,
        IReadOnlyList<CertificationFilter> Certifications,
        DateOnly Today)
    {
        public bool PrefixLastWord { get; init; }

        /// Only products of e-Smart IKM alumni. The kept counts have no such dimension, so these
        /// searches count their rows (the alumni are few).
        public bool Alumni { get; init; }

        /// Products whose maker completed an e-Smart IKM cohort (ikms.e_smart_alumni_since set).
        public const string AlumniCondition =
            "id IN (SELECT ap.id FROM products ap JOIN ikms ai ON ai.id = ap.ikm_id WHERE ai.e_smart_alumni_since IS NOT NULL)";

        public SqlConditions Conditions(DbCommand command)
        {
            var parameters = (NpgsqlParameterCollection)command.Parameters;
            parameters.AddWithValue("today", NpgsqlDbType.Date, Today);
            var text = "true";
            if (Lexemes.Count > 0)
            {
                // A typed tsquery, not text for to_tsquery(): a generic (prepared) plan would call
                // to_tsquery again for every row it checks.
                parameters.Add(new NpgsqlParameter("tsquery", NpgsqlDbType.TsQuery) { Value = TsQuery(NpgsqlTsQueryLexeme.Weight.None) });
                parameters.Add(new NpgsqlParameter("name_tsquery", NpgsqlDbType.TsQuery) { Value = TsQuery(NpgsqlTsQueryLexeme.Weight.A) });
                text = "search_vector @@ @tsquery";
            }
            if (Alumni)
            {
                // In the text condition: every statement reads its rows through it.
                text = $"{text} AND {AlumniCondition}";
            }
            var category = "true";
            if (CategoryIds is { Count: > 0 })
            {
                parameters.AddWithValue("categories", CategoryIds.ToArray());
                category = "category_id = ANY(@categories)";
            }
            var province = "true";
            if (ProvinceCode is not null)
            {
                parameters.AddWithValue("province", ProvinceCode);
                province = "province_code = @province";
            }
            var regency = "true";
            if (RegencyCode is not null)
            {
                parameters.AddWithValue("regency", RegencyCode);
                regency = "regency_code = @regency";
            }
            var prices = new List<string>();
            if (PriceMin is { } min)
            {
                parameters.AddWithValue("price_min", min);
                prices.Add("price_min >= @price_min");
            }
            if (PriceMax is { } max)
            {
                parameters.AddWithValue("price_max", max);
                prices.Add("price_min <= @price_max");
            }
            var certifications = Certifications.Select(c => c switch
            {
                CertificationFilter.Tkdn => "tkdn_valid_until >= @today",
                CertificationFilter.Halal => "halal_valid_until >= @today",
                CertificationFilter.Sni => "sni_valid_until >= @today",
                _ => "pdn_valid_until >= @today",
            }).ToList();
            return new SqlConditions(
                text,
                category,
                province,
                regency,
                prices.Count == 0 ? "true" : $"({string.Join(" AND ", prices)})",
                certifications.Count == 0 ? "true" : $"({string.Join(" AND ", certifications)})");
        }

        /// The word whose kept counts can answer this search: "" for a search without words; the
        /// word itself for one whole word that stemming leaves as typed (its kept counts are the
        /// counts of exactly that lexeme); null for any other search.
        public string? KeptCountsWord => Alumni ? null : Lexemes.Count switch
        {
            0 => "",
            1 when !PrefixLastWord && Lexemes[0].Stem == Lexemes[0].Raw => Lexemes[0].Stem,
            _ => null,
        };

        /// Every word must match, stemmed or as typed; with <see cref="PrefixLastWord"/> the last may
        /// be the start of a word. With weight A, every word must be in the name.
        private NpgsqlTsQuery TsQuery(NpgsqlTsQueryLexeme.Weight weight) =>
            Lexemes.Select((word, i) =>
                {
                    var prefix = PrefixLastWord && i == Lexemes.Count - 1;
                    NpgsqlTsQuery stem = new NpgsqlTsQueryLexeme(word.Stem, weight, prefix);
                    return word.Stem == word.Raw ? stem : new NpgsqlTsQueryOr(stem, new NpgsqlTsQueryLexeme(word.Raw, weight, prefix));
                })
                .Aggregate((left, right) => new NpgsqlTsQueryAnd(left, right));

        public FacetCriteria Criteria => new(
            CategoryIds is { Count: > 0 } ? CategoryIds.ToHashSet() : null,
            ProvinceCode,
            RegencyCode,
            Certifications.Aggregate(0, (flags, c) => flags | FacetGroup.FlagOf(c)));

        /// Says what the filters select, for cache keys.
        public string Key =>
            string.Join('|',
                string.Join(' ', Lexemes.Select(w => $"{w.Stem}/{w.Raw}")),
                PrefixLastWord ? "prefix" : "",
                CategoryIds is null ? "" : string.Join(',', CategoryIds),
                ProvinceCode, RegencyCode,
                PriceMin?.ToString(CultureInfo.InvariantCulture), PriceMax?.ToString(CultureInfo.InvariantCulture),
                string.Join(',', Certifications),
                Alumni ? "alumni" : "",
                Today.ToString("O", CultureInfo.InvariantCulture));
    }

    private sealed record SqlConditions(string Text, string Category, string Province, string Regency, string Price, string Certification);
}
