-- Applies a change of product_search rows to the kept counts, the catalogue's
-- (product_facet_counts) and the kept words' (product_word_facet_counts), as of the counts' day.
-- Groups go in key order, so two writers touching the same counts cannot deadlock.
CREATE OR REPLACE FUNCTION product_facet_counts_change(added product_search[], removed product_search[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    day date := (SELECT as_of FROM product_facet_counts_day);
BEGIN
    INSERT INTO product_facet_counts AS c (category_id, province_code, step, flags, products)
    SELECT category_id, province_code, product_search_step(price_min),
           product_search_flags(tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until, day), sum(change)
    FROM (SELECT r.*, 1 AS change FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r) AS changed
    GROUP BY 1, 2, 3, 4 HAVING sum(change) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (category_id, province_code, step, flags) DO UPDATE SET products = c.products + EXCLUDED.products;

    INSERT INTO product_word_facet_counts AS c (word, category_id, province_code, step, flags, products)
    SELECT w.word, changed.category_id, changed.province_code, product_search_step(changed.price_min),
           product_search_flags(changed.tkdn_valid_until, changed.halal_valid_until, changed.sni_valid_until,
                                changed.pdn_valid_until, day), sum(changed.change)
    FROM (SELECT r.*, 1 AS change FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r) AS changed
    CROSS JOIN LATERAL unnest(tsvector_to_array(changed.search_vector)) AS l(word)
    JOIN product_facet_words w ON w.word = l.word
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(changed.change) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (word, category_id, province_code, step, flags) DO UPDATE SET products = c.products + EXCLUDED.products;
END $$;
