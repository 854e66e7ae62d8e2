using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// Facet counts kept per common word (product_word_facet_counts), beside the whole catalogue's,
    /// and an index of the words of product names for the relevance order. Decision 0012 says why.
    /// </summary>
    public partial class WordFacetCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The groups are written in key order and updated in place (room is left on each
            // page), so one word's groups stay on a few pages together.
            // The words common enough that counting their rows is what makes a search slow, chosen
            // when the counts are rebuilt; products and in_names (how many have it in the name) are
            // as of then and only guide how a page of results is read.
            // Kept counts are per price step, finer than the facets' bands (every band edge is a
            // step edge), so a price filter on round amounts (Rp 50.000–150.000) needs no row and
            // any other only the rows of two narrow steps. ProductSearch.PriceSteps must match (a
            // test checks).
            migrationBuilder.Sql("""
                CREATE FUNCTION product_search_step(price bigint) RETURNS smallint
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT width_bucket(price, ARRAY[25000, 50000, 75000, 100000, 150000, 250000, 350000, 500000,
                                                     750000, 1000000, 2500000]::bigint[])::smallint
                $$;
                ALTER TABLE product_facet_counts RENAME COLUMN band TO step;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE product_facet_words (
                    word text PRIMARY KEY,
                    products integer NOT NULL,
                    in_names integer NOT NULL
                );
                CREATE TABLE product_word_facet_counts (
                    word text NOT NULL,
                    category_id integer NOT NULL,
                    province_code varchar(2) NOT NULL,
                    step smallint NOT NULL,
                    flags smallint NOT NULL,
                    products integer NOT NULL,
                    PRIMARY KEY (word, category_id, province_code, step, flags)
                ) WITH (fillfactor = 80);
                -- The name's words (weight A): results whose name has every word come first.
                CREATE INDEX ix_product_search_name_vector ON product_search USING gin (ts_filter(search_vector, '{a}'));
                """);

            // One function applies a change to both kinds of counts; the triggers pass it their
            // transition tables as arrays. Groups go in key order, so writers cannot deadlock.
            migrationBuilder.Sql("""
                CREATE FUNCTION product_facet_counts_change(added product_search[], removed product_search[]) RETURNS void
                LANGUAGE plpgsql AS $$
                DECLARE
                    day date := (SELECT as_of FROM product_facet_counts_day);
                BEGIN
                    INSERT INTO product_facet_counts AS c (category_id, province_code, step, flags, products)
                    SELECT category_id, province_code, product_search_step(price_min),
                           product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, day), sum(change)
                    FROM (SELECT r.*, 1 AS change FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r) AS changed
                    GROUP BY 1, 2, 3, 4 HAVING sum(change) <> 0 ORDER BY 1, 2, 3, 4
                    ON CONFLICT (category_id, province_code, step, flags) DO UPDATE SET products = c.products + EXCLUDED.products;

                    INSERT INTO product_word_facet_counts AS c (word, category_id, province_code, step, flags, products)
                    SELECT w.word, changed.category_id, changed.province_code, product_search_step(changed.price_min),
                           product_search_flags(changed.tkdn_valid_until, changed.halal_valid_until, changed.sni_valid_until,
                                                changed.pdn_valid_until, day), sum(changed.change)
                    FROM (SELECT r.*, 1 AS change FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r) AS changed
                    CROSS JOIN LATERAL unnest(tsvector_to_array(changed.search_vector)) AS l(word)
                    JOIN product_facet_words w ON w.word = l.word
                    GROUP BY 1, 2, 3, 4, 5 HAVING sum(changed.change) <> 0 ORDER BY 1, 2, 3, 4, 5
                    ON CONFLICT (word, category_id, province_code, step, flags) DO UPDATE SET products = c.products + EXCLUDED.products;
                END $$;

                CREATE OR REPLACE FUNCTION product_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Each branch names only the transition tables its event has.
                    IF TG_OP = 'INSERT' THEN
                        PERFORM product_facet_counts_change((SELECT array_agg(n::product_search) FROM new_rows n), NULL);
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM product_facet_counts_change(NULL, (SELECT array_agg(o::product_search) FROM old_rows o));
                    ELSE
                        PERFORM product_facet_counts_change((SELECT array_agg(n::product_search) FROM new_rows n), (SELECT array_agg(o::product_search) FROM old_rows o));
                    END IF;
                    RETURN NULL;
                END $$;

                -- Writers wait (SHARE lock) while the counts are rebuilt for another day, so no
                -- change is counted against the wrong day or lost. Words are kept when at least 2 %
                -- of the products (and 20) have them.
                CREATE OR REPLACE FUNCTION product_facet_counts_rebuild(on_day date) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    published integer;
                BEGIN
                    LOCK TABLE product_search IN SHARE MODE;
                    DELETE FROM product_facet_counts;
                    INSERT INTO product_facet_counts (category_id, province_code, step, flags, products)
                    SELECT category_id, province_code, product_search_step(price_min),
                           product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, on_day),
                           count(*)
                    FROM product_search
                    GROUP BY 1, 2, 3, 4;

                    DELETE FROM product_word_facet_counts;
                    DELETE FROM product_facet_words;
                    SELECT count(*) INTO published FROM product_search;
                    INSERT INTO product_facet_words (word, products, in_names)
                    SELECT l.lexeme, count(*), count(*) FILTER (WHERE 'A' = ANY (l.weights))
                    FROM product_search s CROSS JOIN LATERAL unnest(s.search_vector) AS l
                    GROUP BY l.lexeme
                    HAVING count(*) >= greatest(20, published / 50);
                    INSERT INTO product_word_facet_counts (word, category_id, province_code, step, flags, products)
                    SELECT w.word, s.category_id, s.province_code, product_search_step(s.price_min),
                           product_search_flags(s.tkdn_valid_until, s.halal_valid_until, s.sni_valid_until, s.pdn_valid_until, on_day),
                           count(*)
                    FROM product_search s
                    CROSS JOIN LATERAL unnest(tsvector_to_array(s.search_vector)) AS l(word)
                    JOIN product_facet_words w ON w.word = l.word
                    GROUP BY 1, 2, 3, 4, 5
                    ORDER BY 1, 2, 3, 4, 5;

                    INSERT INTO product_facet_counts_day (single, as_of) VALUES (true, on_day)
                    ON CONFLICT (single) DO UPDATE SET as_of = EXCLUDED.as_of;
                END $$;

                SELECT product_facet_counts_rebuild((now() AT TIME ZONE 'Asia/Jakarta')::date);
                ANALYZE product_word_facet_counts;
                ANALYZE product_facet_words;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION product_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    day date := (SELECT as_of FROM product_facet_counts_day);
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO product_facet_counts AS c (category_id, province_code, band, flags, products)
                        SELECT category_id, province_code, product_search_band(price_min),
                               product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, day), count(*)
                        FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                        ON CONFLICT (category_id, province_code, band, flags) DO UPDATE SET products = c.products + EXCLUDED.products;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO product_facet_counts AS c (category_id, province_code, band, flags, products)
                        SELECT category_id, province_code, product_search_band(price_min),
                               product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, day), -count(*)
                        FROM old_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                        ON CONFLICT (category_id, province_code, band, flags) DO UPDATE SET products = c.products + EXCLUDED.products;
                    ELSE
                        INSERT INTO product_facet_counts AS c (category_id, province_code, band, flags, products)
                        SELECT category_id, province_code, product_search_band(price_min),
                               product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, day), sum(change)
                        FROM (SELECT *, 1 AS change FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) AS changed
                        GROUP BY 1, 2, 3, 4 HAVING sum(change) <> 0 ORDER BY 1, 2, 3, 4
                        ON CONFLICT (category_id, province_code, band, flags) DO UPDATE SET products = c.products + EXCLUDED.products;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE OR REPLACE FUNCTION product_facet_counts_rebuild(on_day date) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    LOCK TABLE product_search IN SHARE MODE;
                    DELETE FROM product_facet_counts;
                    INSERT INTO product_facet_counts (category_id, province_code, band, flags, products)
                    SELECT category_id, province_code, product_search_band(price_min),
                           product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, on_day),
                           count(*)
                    FROM product_search
                    GROUP BY 1, 2, 3, 4;
                    INSERT INTO product_facet_counts_day (single, as_of) VALUES (true, on_day)
                    ON CONFLICT (single) DO UPDATE SET as_of = EXCLUDED.as_of;
                END $$;
                DROP FUNCTION IF EXISTS product_facet_counts_change(product_search[], product_search[]);
                ALTER TABLE product_facet_counts RENAME COLUMN step TO band;
                SELECT product_facet_counts_rebuild((SELECT as_of FROM product_facet_counts_day));
                DROP FUNCTION IF EXISTS product_search_step(bigint);
                DROP INDEX IF EXISTS ix_product_search_name_vector;
                DROP TABLE IF EXISTS product_word_facet_counts;
                DROP TABLE IF EXISTS product_facet_words;
                """);
        }
    }
}
