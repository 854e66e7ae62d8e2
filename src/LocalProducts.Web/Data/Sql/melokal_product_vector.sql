-- A product's search vector: its name (weight A, stemmed), its category and parent category (B,
-- stemmed), its IKM's name, regency and province (C, as written) and its description (D,
-- stemmed). The weights rank results (ProductSearch: name above category above maker and region
-- above a mere mention in the description).
CREATE OR REPLACE FUNCTION melokal_product_vector(p_name text, p_description text, p_category_id integer, p_ikm_id integer)
RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', melokal_document(p_name, true)), 'A')
        || setweight(to_tsvector('simple', melokal_document(
               (SELECT c.name || ' ' || coalesce(parent.name, '')
                FROM categories c LEFT JOIN categories parent ON parent.id = c.parent_id
                WHERE c.id = p_category_id), true)), 'B')
        || setweight(to_tsvector('simple', melokal_document(
               (SELECT i.name FROM ikms i WHERE i.id = p_ikm_id), false)), 'C')
        || setweight(to_tsvector('simple', melokal_document(
               (SELECT r.name || ' ' || pr.name FROM ikms i
                JOIN regencies r ON r.code = i.regency_code
                JOIN provinces pr ON pr.code = i.province_code
                WHERE i.id = p_ikm_id), false)), 'C')
        || setweight(to_tsvector('simple', melokal_document(p_description, true)), 'D')
$$;
