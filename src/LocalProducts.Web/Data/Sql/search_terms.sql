-- The vocabulary of published products, for typo correction and "did you mean" (trigram index).
-- Refreshed by SearchVocabularyRefresher; rebuilt whole when this file is applied. The table is
-- named with its schema: pg_restore and PostgreSQL 17 refresh views with an empty search path.
DROP MATERIALIZED VIEW IF EXISTS search_terms;
CREATE MATERIALIZED VIEW search_terms AS
    SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM public.products WHERE state = {{ProductState.Published}}');
CREATE UNIQUE INDEX ix_search_terms_word ON search_terms (word);
CREATE INDEX ix_search_terms_word_trgm ON search_terms USING gin (word gin_trgm_ops);
