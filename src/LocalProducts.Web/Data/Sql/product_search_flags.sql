-- The certificates valid on a day, as bits: TKDN 1, halal 2, SNI 4, PDN 8 (FacetGroup.FlagOf
-- must match).
CREATE OR REPLACE FUNCTION product_search_flags(tkdn date, halal date, sni date, pdn date, on_day date) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE WHEN tkdn >= on_day THEN 1 ELSE 0 END
          | CASE WHEN halal >= on_day THEN 2 ELSE 0 END
          | CASE WHEN sni >= on_day THEN 4 ELSE 0 END
          | CASE WHEN pdn >= on_day THEN 8 ELSE 0 END)::smallint
$$;
