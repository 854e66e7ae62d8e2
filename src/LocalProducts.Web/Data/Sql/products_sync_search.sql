-- Keeps product_search, the search's narrow copy of the published products: a published product
-- is written (only when something search shows changed), one that stops being published removed.
CREATE OR REPLACE FUNCTION products_sync_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = {{ProductState.Published}} THEN
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
    ELSIF TG_OP = 'UPDATE' AND OLD.state = {{ProductState.Published}} THEN
        DELETE FROM product_search WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS products_sync_search ON products;
CREATE TRIGGER products_sync_search AFTER INSERT OR UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION products_sync_search();
