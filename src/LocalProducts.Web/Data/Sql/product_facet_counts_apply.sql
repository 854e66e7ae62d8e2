-- The statement triggers of product_search: they pass their transition tables, as arrays, to
-- product_facet_counts_change.
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

DROP TRIGGER IF EXISTS product_search_inserted ON product_search;
CREATE TRIGGER product_search_inserted AFTER INSERT ON product_search
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_facet_counts_apply();

DROP TRIGGER IF EXISTS product_search_updated ON product_search;
CREATE TRIGGER product_search_updated AFTER UPDATE ON product_search
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_facet_counts_apply();

DROP TRIGGER IF EXISTS product_search_deleted ON product_search;
CREATE TRIGGER product_search_deleted AFTER DELETE ON product_search
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION product_facet_counts_apply();
