-- The facets' price band of a price (0 to 5). ProductSearch.PriceBands must match (a test checks).
CREATE OR REPLACE FUNCTION product_search_band(price bigint) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT width_bucket(price, ARRAY[50000, 100000, 250000, 500000, 1000000]::bigint[])::smallint
$$;
