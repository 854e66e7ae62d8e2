-- The kept counts' price step of a price (0 to 11), finer than the bands: every band edge is a
-- step edge, so a price filter on round amounts covers whole steps. ProductSearch.PriceSteps must
-- match (a test checks).
CREATE OR REPLACE FUNCTION product_search_step(price bigint) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT width_bucket(price, ARRAY[25000, 50000, 75000, 100000, 150000, 250000, 350000, 500000,
                                     750000, 1000000, 2500000]::bigint[])::smallint
$$;
