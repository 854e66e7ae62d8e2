using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "halal_valid_until",
                table: "products",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "pdn_valid_until",
                table: "products",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "province_code",
                table: "products",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "regency_code",
                table: "products",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "products",
                type: "tsvector",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "sni_valid_until",
                table: "products",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "tkdn_valid_until",
                table: "products",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "scheduled_job_runs",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_job_runs", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "search_protected_words",
                columns: table => new
                {
                    word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_protected_words", x => x.word);
                });

            migrationBuilder.CreateTable(
                name: "search_stop_words",
                columns: table => new
                {
                    word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_stop_words", x => x.word);
                });

            migrationBuilder.CreateIndex(
                name: "ix_products_search_vector",
                table: "products",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_products_state_price_min",
                table: "products",
                columns: new[] { "state", "price_min" });

            migrationBuilder.CreateIndex(
                name: "ix_products_state_province_code",
                table: "products",
                columns: new[] { "state", "province_code" });
            // Search: Indonesian stemming with our own stop words and protected words (tables, so
            // no files are needed on the database server), names unstemmed, typo fallback through
            // a trigram index on the vocabulary. Derived product columns are kept by triggers.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""
                CREATE FUNCTION melokal_document(doc text, stem boolean) RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT coalesce(string_agg(
                               CASE WHEN NOT stem OR p.word IS NOT NULL THEN t.token
                                    ELSE coalesce((ts_lexize('indonesian_stem', t.token))[1], t.token) END,
                               ' ' ORDER BY t.position), '')
                    FROM ts_parse('default', lower(coalesce(doc, ''))) WITH ORDINALITY AS t(tokid, token, position)
                    LEFT JOIN search_stop_words s ON s.word = t.token
                    LEFT JOIN search_protected_words p ON p.word = t.token
                    WHERE t.tokid IN (1, 2, 3, 9, 10, 11, 20, 21, 22) AND s.word IS NULL
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION melokal_product_vector(p_name text, p_description text, p_category_id integer, p_ikm_id integer)
                RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT setweight(to_tsvector('simple', melokal_document(p_name, true)), 'A')
                        || setweight(to_tsvector('simple', melokal_document(
                               (SELECT c.name || ' ' || coalesce(parent.name, '')
                                FROM categories c LEFT JOIN categories parent ON parent.id = c.parent_id
                                WHERE c.id = p_category_id), true)), 'B')
                        || setweight(to_tsvector('simple', melokal_document(
                               (SELECT i.name FROM ikms i WHERE i.id = p_ikm_id), false)), 'B')
                        || setweight(to_tsvector('simple', melokal_document(
                               (SELECT r.name || ' ' || pr.name FROM ikms i
                                JOIN regencies r ON r.code = i.regency_code
                                JOIN provinces pr ON pr.code = i.province_code
                                WHERE i.id = p_ikm_id), false)), 'C')
                        || setweight(to_tsvector('simple', melokal_document(p_description, true)), 'C')
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION products_derive() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' OR NEW.ikm_id IS DISTINCT FROM OLD.ikm_id THEN
                        SELECT i.province_code, i.regency_code INTO NEW.province_code, NEW.regency_code
                        FROM ikms i WHERE i.id = NEW.ikm_id;
                    END IF;
                    IF TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name
                       OR NEW.description IS DISTINCT FROM OLD.description
                       OR NEW.category_id IS DISTINCT FROM OLD.category_id
                       OR NEW.ikm_id IS DISTINCT FROM OLD.ikm_id THEN
                        NEW.search_vector := melokal_product_vector(NEW.name, NEW.description, NEW.category_id, NEW.ikm_id);
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER products_derive BEFORE INSERT OR UPDATE ON products
                    FOR EACH ROW EXECUTE FUNCTION products_derive();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION products_refresh_certifications(p_product_id integer) RETURNS void LANGUAGE sql AS $$
                    UPDATE products p SET
                        tkdn_valid_until = c.tkdn, halal_valid_until = c.halal, sni_valid_until = c.sni, pdn_valid_until = c.pdn
                    FROM (SELECT
                            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = 1) AS tkdn,
                            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = 2) AS halal,
                            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = 3) AS sni,
                            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = 1 AND tkdn_percent >= 25
                                AND tkdn_percent + coalesce(bmp_percent, 0) >= 40) AS pdn
                          FROM certifications WHERE product_id = p_product_id) c
                    WHERE p.id = p_product_id;
                $$;
                CREATE FUNCTION certifications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM products_refresh_certifications(OLD.product_id);
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.product_id <> OLD.product_id) THEN
                        PERFORM products_refresh_certifications(NEW.product_id);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER certifications_changed AFTER INSERT OR UPDATE OR DELETE ON certifications
                    FOR EACH ROW EXECUTE FUNCTION certifications_changed();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION ikms_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE products SET
                        province_code = NEW.province_code,
                        regency_code = NEW.regency_code,
                        search_vector = melokal_product_vector(name, description, category_id, ikm_id)
                    WHERE ikm_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER ikms_changed AFTER UPDATE OF name, province_code, regency_code ON ikms
                    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name
                        OR NEW.province_code IS DISTINCT FROM OLD.province_code
                        OR NEW.regency_code IS DISTINCT FROM OLD.regency_code)
                    EXECUTE FUNCTION ikms_changed();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION categories_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE products SET search_vector = melokal_product_vector(name, description, category_id, ikm_id)
                    WHERE category_id = NEW.id OR category_id IN (SELECT id FROM categories WHERE parent_id = NEW.id);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER categories_changed AFTER UPDATE OF name ON categories
                    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name)
                    EXECUTE FUNCTION categories_changed();
                """);
            // Stop and protected words change the index: rebuild the vectors of every product.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE products SET search_vector = melokal_product_vector(name, description, category_id, ikm_id);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER search_stop_words_changed AFTER INSERT OR UPDATE OR DELETE ON search_stop_words
                    FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed();
                CREATE TRIGGER search_protected_words_changed AFTER INSERT OR UPDATE OR DELETE ON search_protected_words
                    FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed();
                """);
            // The vocabulary of published products, for "did you mean" and typo fallback.
            migrationBuilder.Sql("""
                CREATE MATERIALIZED VIEW search_terms AS
                    SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM products WHERE state = 2');
                CREATE UNIQUE INDEX ix_search_terms_word ON search_terms (word);
                CREATE INDEX ix_search_terms_word_trgm ON search_terms USING gin (word gin_trgm_ops);
                """);
            // Rows that existed before this migration get their derived columns now.
            migrationBuilder.Sql("""
                UPDATE products SET search_vector = melokal_product_vector(name, description, category_id, ikm_id),
                    province_code = (SELECT province_code FROM ikms WHERE ikms.id = products.ikm_id),
                    regency_code = (SELECT regency_code FROM ikms WHERE ikms.id = products.ikm_id);
                SELECT products_refresh_certifications(id) FROM products;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP MATERIALIZED VIEW IF EXISTS search_terms;
                DROP TRIGGER IF EXISTS search_stop_words_changed ON search_stop_words;
                DROP TRIGGER IF EXISTS search_protected_words_changed ON search_protected_words;
                DROP FUNCTION IF EXISTS search_words_changed();
                DROP TRIGGER IF EXISTS categories_changed ON categories;
                DROP FUNCTION IF EXISTS categories_changed();
                DROP TRIGGER IF EXISTS ikms_changed ON ikms;
                DROP FUNCTION IF EXISTS ikms_changed();
                DROP TRIGGER IF EXISTS certifications_changed ON certifications;
                DROP FUNCTION IF EXISTS certifications_changed();
                DROP FUNCTION IF EXISTS products_refresh_certifications(integer);
                DROP TRIGGER IF EXISTS products_derive ON products;
                DROP FUNCTION IF EXISTS products_derive();
                DROP FUNCTION IF EXISTS melokal_product_vector(text, text, integer, integer);
                DROP FUNCTION IF EXISTS melokal_document(text, boolean);
                """);
            migrationBuilder.DropTable(
                name: "scheduled_job_runs");

            migrationBuilder.DropTable(
                name: "search_protected_words");

            migrationBuilder.DropTable(
                name: "search_stop_words");

            migrationBuilder.DropIndex(
                name: "ix_products_search_vector",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_state_price_min",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_state_province_code",
                table: "products");

            migrationBuilder.DropColumn(
                name: "halal_valid_until",
                table: "products");

            migrationBuilder.DropColumn(
                name: "pdn_valid_until",
                table: "products");

            migrationBuilder.DropColumn(
                name: "province_code",
                table: "products");

            migrationBuilder.DropColumn(
                name: "regency_code",
                table: "products");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "products");

            migrationBuilder.DropColumn(
                name: "sni_valid_until",
                table: "products");

            migrationBuilder.DropColumn(
                name: "tkdn_valid_until",
                table: "products");
        }
    }
}
