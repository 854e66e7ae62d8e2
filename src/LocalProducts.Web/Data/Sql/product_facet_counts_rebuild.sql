-- Rebuilds the kept counts for a day (FacetCountsRebuilder, when the WIB day turns): the
-- catalogue's, the choice of kept words (those of at least 2 % of the products, and 20) and their
-- counts. Writers wait (SHARE lock) while the counts are rebuilt for another day, so no change is
-- counted against the wrong day or lost.
CREATE OR REPLACE FUNCTION product_facet_counts_rebuild(on_day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    published integer;
BEGIN
    LOCK TABLE product_search IN SHARE MODE;
    DELETE FROM product_facet_counts;
    INSERT INTO product_facet_counts (category_id, province_code, step, flags, products)
    SELECT category_id, province_code, product_search_step(price_min),
           product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, on_day),
           count(*)
    FROM product_search
    GROUP BY 1, 2, 3, 4;

    DELETE FROM product_word_facet_counts;
    DELETE FROM product_facet_words;
    SELECT count(*) INTO published FROM product_search;
    INSERT INTO product_facet_words (word, products, in_names)
    SELECT l.lexeme, count(*), count(*) FILTER (WHERE 'A' = ANY (l.weights))
    FROM product_search s CROSS JOIN LATERAL unnest(s.search_vector) AS l
    GROUP BY l.lexeme
    HAVING count(*) >= greatest(20, published / 50);
    INSERT INTO product_word_facet_counts (word, category_id, province_code, step, flags, products)
    SELECT w.word, s.category_id, s.province_code, product_search_step(s.price_min),
           product_search_flags(s.tkdn_valid_until, s.halal_valid_until, s.sni_valid_until, s.pdn_valid_until, on_day),
           count(*)
    FROM product_search s
    CROSS JOIN LATERAL unnest(tsvector_to_array(s.search_vector)) AS l(word)
    JOIN product_facet_words w ON w.word = l.word
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5;

    INSERT INTO product_facet_counts_day (single, as_of) VALUES (true, on_day)
    ON CONFLICT (single) DO UPDATE SET as_of = EXCLUDED.as_of;
END $$;
