-- The words of a text as search indexes them, in order: lower case, the search's own stop words
-- (search_stop_words) left out, each word reduced to its Indonesian stem unless stem is false or
-- the word is protected (search_protected_words: makers' names, places). Stop and protected
-- words are tables, so the database server needs no dictionary files.
CREATE OR REPLACE FUNCTION melokal_document(doc text, stem boolean) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(
               CASE WHEN NOT stem OR p.word IS NOT NULL THEN t.token
                    ELSE coalesce((ts_lexize('indonesian_stem', t.token))[1], t.token) END,
               ' ' ORDER BY t.position), '')
    FROM ts_parse('default', lower(coalesce(doc, ''))) WITH ORDINALITY AS t(tokid, token, position)
    LEFT JOIN search_stop_words s ON s.word = t.token
    LEFT JOIN search_protected_words p ON p.word = t.token
    WHERE t.tokid IN (1, 2, 3, 9, 10, 11, 20, 21, 22) AND s.word IS NULL
$$;
