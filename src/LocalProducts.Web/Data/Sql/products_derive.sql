-- Keeps the columns of products that search derives: the IKM's province and regency, and the
-- search vector, recomputed only when what it is made of changed.
CREATE OR REPLACE FUNCTION products_derive() RETURNS trigger LANGUAGE plpgsql AS $$
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

DROP TRIGGER IF EXISTS products_derive ON products;
CREATE TRIGGER products_derive BEFORE INSERT OR UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION products_derive();
