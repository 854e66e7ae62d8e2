-- A category's new name reaches the search vectors of its products and its children's.
CREATE OR REPLACE FUNCTION categories_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE products SET search_vector = melokal_product_vector(name, description, category_id, ikm_id)
    WHERE category_id = NEW.id OR category_id IN (SELECT id FROM categories WHERE parent_id = NEW.id);
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS categories_changed ON categories;
CREATE TRIGGER categories_changed AFTER UPDATE OF name ON categories
    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name)
    EXECUTE FUNCTION categories_changed();
