using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// The search's own narrow copy of the published products (product_search) and the day's facet
    /// counts of the whole catalogue (product_facet_counts), both kept by triggers in the same
    /// transaction as the change. Decision 0011 says why.
    /// </summary>
    public partial class ProductSearchRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The price bands and certificate flags of facets, in one place for the triggers and
            // the search's statements (ProductSearch.PriceBands must match; a test checks).
            migrationBuilder.Sql("""
                CREATE FUNCTION product_search_band(price bigint) RETURNS smallint
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT width_bucket(price, ARRAY[50000, 100000, 250000, 500000, 1000000]::bigint[])::smallint
                $$;
                CREATE FUNCTION product_search_flags(tkdn date, halal date, sni date, pdn date, on_day date) RETURNS smallint
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT (CASE WHEN tkdn >= on_day THEN 1 ELSE 0 END
                          | CASE WHEN halal >= on_day THEN 2 ELSE 0 END
                          | CASE WHEN sni >= on_day THEN 4 ELSE 0 END
                          | CASE WHEN pdn >= on_day THEN 8 ELSE 0 END)::smallint
                $$;
                """);

            // Fixed-width columns first and the vector last: a search reads thousands of these
            // rows, so they stay a fraction of a products row (no descriptions, no HTML).
            migrationBuilder.Sql("""
                CREATE TABLE product_search (
                    id integer PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
                    category_id integer NOT NULL,
                    published_at timestamptz NOT NULL,
                    price_min bigint NOT NULL,
                    price_order bigint NOT NULL,
                    tkdn_valid_until date,
                    halal_valid_until date,
                    sni_valid_until date,
                    pdn_valid_until date,
                    province_code varchar(2) NOT NULL,
                    regency_code varchar(5),
                    search_vector tsvector NOT NULL
                );
                CREATE INDEX ix_product_search_search_vector ON product_search USING gin (search_vector);
                CREATE INDEX ix_product_search_published_at ON product_search (published_at DESC, id DESC);
                CREATE INDEX ix_product_search_category_published_at ON product_search (category_id, published_at DESC, id DESC);
                CREATE INDEX ix_product_search_price_min ON product_search (price_min, id);
                CREATE INDEX ix_product_search_price_order ON product_search (price_order DESC, id DESC);
                CREATE INDEX ix_product_search_province_code ON product_search (province_code);

                CREATE FUNCTION products_sync_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.state = 2 THEN
                        INSERT INTO product_search AS s (id, category_id, published_at, price_min, price_order,
                            tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until,
                            province_code, regency_code, search_vector)
                        VALUES (NEW.id, NEW.category_id, coalesce(NEW.published_at, NEW.created_at), NEW.price_min,
                            coalesce(NEW.price_max, NEW.price_min),
                            NEW.tkdn_valid_until, NEW.halal_valid_until, NEW.sni_valid_until, NEW.pdn_valid_until,
                            coalesce(NEW.province_code, ''), NEW.regency_code, coalesce(NEW.search_vector, ''::tsvector))
                        ON CONFLICT (id) DO UPDATE SET
                            category_id = EXCLUDED.category_id, published_at = EXCLUDED.published_at,
                            price_min = EXCLUDED.price_min, price_order = EXCLUDED.price_order,
                            tkdn_valid_until = EXCLUDED.tkdn_valid_until, halal_valid_until = EXCLUDED.halal_valid_until,
                            sni_valid_until = EXCLUDED.sni_valid_until, pdn_valid_until = EXCLUDED.pdn_valid_until,
                            province_code = EXCLUDED.province_code, regency_code = EXCLUDED.regency_code,
                            search_vector = EXCLUDED.search_vector
                        -- An edit of something search does not show (a photo, a unit) writes nothing here.
                        WHERE (s.category_id, s.published_at, s.price_min, s.price_order, s.tkdn_valid_until,
                               s.halal_valid_until, s.sni_valid_until, s.pdn_valid_until, s.province_code,
                               s.regency_code, s.search_vector)
                          IS DISTINCT FROM
                              (EXCLUDED.category_id, EXCLUDED.published_at, EXCLUDED.price_min, EXCLUDED.price_order,
                               EXCLUDED.tkdn_valid_until, EXCLUDED.halal_valid_until, EXCLUDED.sni_valid_until,
                               EXCLUDED.pdn_valid_until, EXCLUDED.province_code, EXCLUDED.regency_code, EXCLUDED.search_vector);
                    ELSIF TG_OP = 'UPDATE' AND OLD.state = 2 THEN
                        DELETE FROM product_search WHERE id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER products_sync_search AFTER INSERT OR UPDATE ON products
                    FOR EACH ROW EXECUTE FUNCTION products_sync_search();
                """);

            // The whole catalogue's facet counts for one day (the certificate flags depend on the
            // date): a search without words reads a few thousand of these instead of every product.
            // Statement triggers apply each change's difference; a scheduled job rebuilds them when
            // the day turns (FacetCountsRebuilder), and searches ignore them until it has.
            migrationBuilder.Sql("""
                CREATE TABLE product_facet_counts (
                    category_id integer NOT NULL,
                    province_code varchar(2) NOT NULL,
                    band smallint NOT NULL,
                    flags smallint NOT NULL,
                    products integer NOT NULL,
                    PRIMARY KEY (category_id, province_code, band, flags)
                );
                CREATE TABLE product_facet_counts_day (
                    single boolean PRIMARY KEY DEFAULT true CHECK (single),
                    as_of date NOT NULL
                );

                CREATE FUNCTION product_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    day date := (SELECT as_of FROM product_facet_counts_day);
                BEGIN
                    -- Each branch names only the transition tables its event has; the groups go in
                    -- key order, so two writers touching the same counts cannot deadlock.
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
                CREATE TRIGGER product_search_inserted AFTER INSERT ON product_search
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_facet_counts_apply();
                CREATE TRIGGER product_search_updated AFTER UPDATE ON product_search
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_facet_counts_apply();
                CREATE TRIGGER product_search_deleted AFTER DELETE ON product_search
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION product_facet_counts_apply();

                -- Writers wait (SHARE lock) while the counts are rebuilt for another day, so no
                -- change is counted against the wrong day or lost.
                CREATE FUNCTION product_facet_counts_rebuild(on_day date) RETURNS void LANGUAGE plpgsql AS $$
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
                """);

            // Products that exist already.
            migrationBuilder.Sql("""
                INSERT INTO product_facet_counts_day (single, as_of) VALUES (true, (now() AT TIME ZONE 'Asia/Jakarta')::date);
                INSERT INTO product_search (id, category_id, published_at, price_min, price_order,
                    tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until,
                    province_code, regency_code, search_vector)
                SELECT id, category_id, coalesce(published_at, created_at), price_min, coalesce(price_max, price_min),
                    tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until,
                    coalesce(province_code, ''), regency_code, coalesce(search_vector, ''::tsvector)
                FROM products WHERE state = 2;
                SELECT product_facet_counts_rebuild((now() AT TIME ZONE 'Asia/Jakarta')::date);
                ANALYZE product_search;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS products_sync_search ON products;
                DROP FUNCTION IF EXISTS products_sync_search();
                DROP TABLE IF EXISTS product_search;
                DROP FUNCTION IF EXISTS product_facet_counts_apply();
                DROP FUNCTION IF EXISTS product_facet_counts_rebuild(date);
                DROP TABLE IF EXISTS product_facet_counts;
                DROP TABLE IF EXISTS product_facet_counts_day;
                DROP FUNCTION IF EXISTS product_search_flags(date, date, date, date, date);
                DROP FUNCTION IF EXISTS product_search_band(bigint);
                """);
        }
    }
}
