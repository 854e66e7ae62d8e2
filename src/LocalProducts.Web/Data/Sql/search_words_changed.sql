-- Stop and protected words change how every text is indexed: every product's vector is rebuilt.
CREATE OR REPLACE FUNCTION search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE products SET search_vector = melokal_product_vector(name, description, category_id, ikm_id);
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS search_stop_words_changed ON search_stop_words;
CREATE TRIGGER search_stop_words_changed AFTER INSERT OR UPDATE OR DELETE ON search_stop_words
    FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed();

DROP TRIGGER IF EXISTS search_protected_words_changed ON search_protected_words;
CREATE TRIGGER search_protected_words_changed AFTER INSERT OR UPDATE OR DELETE ON search_protected_words
    FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed();
