-- A certificate added, changed or removed refreshes its product's certificate columns (both
-- products when it moved from one to another).
CREATE OR REPLACE FUNCTION certifications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM products_refresh_certifications(OLD.product_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.product_id <> OLD.product_id) THEN
        PERFORM products_refresh_certifications(NEW.product_id);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS certifications_changed ON certifications;
CREATE TRIGGER certifications_changed AFTER INSERT OR UPDATE OR DELETE ON certifications
    FOR EACH ROW EXECUTE FUNCTION certifications_changed();
