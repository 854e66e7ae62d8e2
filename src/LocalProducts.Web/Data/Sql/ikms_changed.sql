-- An IKM's new name or place reaches its products' place columns and search vectors.
CREATE OR REPLACE FUNCTION ikms_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE products SET
        province_code = NEW.province_code,
        regency_code = NEW.regency_code,
        search_vector = melokal_product_vector(name, description, category_id, ikm_id)
    WHERE ikm_id = NEW.id;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS ikms_changed ON ikms;
CREATE TRIGGER ikms_changed AFTER UPDATE OF name, province_code, regency_code ON ikms
    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name
        OR NEW.province_code IS DISTINCT FROM OLD.province_code
        OR NEW.regency_code IS DISTINCT FROM OLD.regency_code)
    EXECUTE FUNCTION ikms_changed();
