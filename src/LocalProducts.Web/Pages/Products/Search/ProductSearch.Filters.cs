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

    /// One part of the query that every result matches: all its words as typed, or one of the
    /// phrases the synonym table adds (its words in that order: "minyak kelapa murni" for "vco").
    private sealed record SearchTerm(IReadOnlyList<SearchWord> Typed, IReadOnlyList<IReadOnlyList<SearchWord>> Alternatives)
    {
        public static SearchTerm Plain(SearchWord word) => new([word], []);

        public bool IsPlainWord => Typed.Count == 1 && Alternatives.Count == 0;
    }

    /// How much a term found in each part of a product counts towards its relevance: the name
    /// (weight A) above the category (B) above the maker and its region (C) above the description
    /// (D). A term found in several parts counts each; each phrase the synonym table added counts
    /// half, so the oil named both "VCO" and "minyak kelapa murni" ranks above a balm with VCO in it.
    private static readonly (NpgsqlTsQueryLexeme.Weight Weight, float Value)[] _partValues =
    [
        (NpgsqlTsQueryLexeme.Weight.A, 4f),
        (NpgsqlTsQueryLexeme.Weight.B, 2f),
        (NpgsqlTsQueryLexeme.Weight.C, 1f),
        (NpgsqlTsQueryLexeme.Weight.D, 0.5f),
    ];

    private const float SynonymShare = 0.5f;

    /// A matching row's relevance: the sum of <see cref="_partValues"/> over the terms and parts it
    /// matches (parameters score_queries and score_weights, see <see cref="SearchFilters.Conditions"/>).
    private const string ScoreExpression =
        "(SELECT coalesce(sum(s.w), 0) FROM unnest(@score_queries, @score_weights) AS s(q, w) WHERE search_vector @@ s.q)";

    /// The filters of one search, written as SQL conditions with their parameters.
    private sealed record SearchFilters(
        List<SearchTerm> Terms,
        IReadOnlyList<int>? CategoryIds,
        string? ProvinceCode,
        string? RegencyCode,
        long? PriceMin,
        long? PriceMax,
        IReadOnlyList<CertificationFilter> Certifications,
        DateOnly Today)
    {
        public bool PrefixLastWord { get; init; }

        /// The words as typed, in order.
        public List<SearchWord> Lexemes => Terms.SelectMany(t => t.Typed).ToList();

        /// Certificates named as words in the query ("kopi halal"): valid ones are required, like the
        /// certificate filter, but in the text condition, so the search counts its rows.
        public List<CertificationFilter> CertificateWords { get; init; } = [];

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
                parameters.Add(new NpgsqlParameter("outside_description_tsquery", NpgsqlDbType.TsQuery)
                {
                    Value = TsQuery(NpgsqlTsQueryLexeme.Weight.A | NpgsqlTsQueryLexeme.Weight.B | NpgsqlTsQueryLexeme.Weight.C),
                });
                var scores = ScoreQueries();
                parameters.Add(new NpgsqlParameter("score_queries", NpgsqlDbType.Array | NpgsqlDbType.TsQuery) { Value = scores.Select(s => s.Query).ToArray() });
                parameters.Add(new NpgsqlParameter("score_weights", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = scores.Select(s => s.Value).ToArray() });
                text = "search_vector @@ @tsquery";
            }
            if (Alumni)
            {
                // In the text condition: every statement reads its rows through it.
                text = $"{text} AND {AlumniCondition}";
            }
            foreach (var certificate in CertificateWords)
            {
                text = $"{text} AND {CertificateCondition(certificate)}";
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
            var certifications = Certifications.Select(CertificateCondition).ToList();
            return new SqlConditions(
                text,
                category,
                province,
                regency,
                prices.Count == 0 ? "true" : $"({string.Join(" AND ", prices)})",
                certifications.Count == 0 ? "true" : $"({string.Join(" AND ", certifications)})");
        }

        private static string CertificateCondition(CertificationFilter certificate) => certificate switch
        {
            CertificationFilter.Tkdn => "tkdn_valid_until >= @today",
            CertificationFilter.Halal => "halal_valid_until >= @today",
            CertificationFilter.Sni => "sni_valid_until >= @today",
            _ => "pdn_valid_until >= @today",
        };

        /// The word whose kept counts can answer this search: "" for a search without words; the
        /// word itself for one whole word that stemming leaves as typed (its kept counts are the
        /// counts of exactly that lexeme); null for any other search.
        public string? KeptCountsWord => Alumni || CertificateWords.Count > 0 ? null : Terms.Count switch
        {
            0 => "",
            1 when !PrefixLastWord && Terms[0].IsPlainWord && Lexemes[0].Stem == Lexemes[0].Raw => Lexemes[0].Stem,
            _ => null,
        };

        /// Every term must match: all its typed words (stemmed or as typed) or one of its synonym
        /// phrases; with <see cref="PrefixLastWord"/> the last typed word may be the start of a
        /// word. With weight A, every term must be in the name.
        private NpgsqlTsQuery TsQuery(NpgsqlTsQueryLexeme.Weight weight) =>
            Terms.Select((term, i) => Typed(term, weight, PrefixLastWord && i == Terms.Count - 1) is var typed && term.Alternatives.Count > 0
                    ? new NpgsqlTsQueryOr(typed, Alternatives(term, weight))
                    : typed)
                .Aggregate((left, right) => new NpgsqlTsQueryAnd(left, right));

        /// The highest score a product can have: every term, and every phrase the synonym table
        /// added, found in every part.
        public float TopScore => ScoreQueries().Sum(s => s.Value);

        /// For each term and part of a product, the query that finds the term there and what it counts.
        private List<(NpgsqlTsQuery Query, float Value)> ScoreQueries()
        {
            var scores = new List<(NpgsqlTsQuery, float)>();
            foreach (var (term, i) in Terms.Select((t, i) => (t, i)))
            {
                foreach (var (weight, value) in _partValues)
                {
                    scores.Add((Typed(term, weight, PrefixLastWord && i == Terms.Count - 1), value));
                    foreach (var phrase in term.Alternatives)
                    {
                        scores.Add((Phrase(phrase, weight), value * SynonymShare));
                    }
                }
            }
            return scores;
        }

        private static NpgsqlTsQuery Typed(SearchTerm term, NpgsqlTsQueryLexeme.Weight weight, bool prefixLast) =>
            term.Typed.Select((word, j) => Word(word, weight, prefixLast && j == term.Typed.Count - 1))
                .Aggregate((left, right) => new NpgsqlTsQueryAnd(left, right));

        /// Any of the term's synonym phrases, each word followed by the next.
        private static NpgsqlTsQuery Alternatives(SearchTerm term, NpgsqlTsQueryLexeme.Weight weight) =>
            term.Alternatives.Select(phrase => Phrase(phrase, weight)).Aggregate((left, right) => new NpgsqlTsQueryOr(left, right));

        private static NpgsqlTsQuery Phrase(IReadOnlyList<SearchWord> words, NpgsqlTsQueryLexeme.Weight weight) =>
            words.Select(word => Word(word, weight, false)).Aggregate((left, right) => new NpgsqlTsQueryFollowedBy(left, 1, right));

        private static NpgsqlTsQuery Word(SearchWord word, NpgsqlTsQueryLexeme.Weight weight, bool prefix)
        {
            NpgsqlTsQuery stem = new NpgsqlTsQueryLexeme(word.Stem, weight, prefix);
            return word.Stem == word.Raw ? stem : new NpgsqlTsQueryOr(stem, new NpgsqlTsQueryLexeme(word.Raw, weight, prefix));
        }

        public FacetCriteria Criteria => new(
            CategoryIds is { Count: > 0 } ? CategoryIds.ToHashSet() : null,
            ProvinceCode,
            RegencyCode,
            Certifications.Aggregate(0, (flags, c) => flags | FacetGroup.FlagOf(c)));

        /// Says what the filters select, for cache keys.
        public string Key =>
            string.Join('|',
                string.Join(' ', Terms.Select(t => string.Join('+', t.Typed.Select(w => $"{w.Stem}/{w.Raw}"))
                    + string.Concat(t.Alternatives.Select(a => "=" + string.Join('+', a.Select(w => w.Stem)))))),
                PrefixLastWord ? "prefix" : "",
                CategoryIds is null ? "" : string.Join(',', CategoryIds),
                ProvinceCode, RegencyCode,
                PriceMin?.ToString(CultureInfo.InvariantCulture), PriceMax?.ToString(CultureInfo.InvariantCulture),
                string.Join(',', Certifications),
                Alumni ? "alumni" : "",
                string.Join(',', CertificateWords),
                Today.ToString("O", CultureInfo.InvariantCulture));
    }

    private sealed record SqlConditions(string Text, string Category, string Province, string Regency, string Price, string Certification);
}
