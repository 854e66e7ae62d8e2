-- Keeps a product's certificate columns: the latest expiry of each kind (no expiry counts as
-- forever). PDN is a TKDN certificate of at least 25 % whose TKDN plus BMP reaches 40 %.
CREATE OR REPLACE FUNCTION products_refresh_certifications(p_product_id integer) RETURNS void LANGUAGE sql AS $$
    UPDATE products p SET
        tkdn_valid_until = c.tkdn, halal_valid_until = c.halal, sni_valid_until = c.sni, pdn_valid_until = c.pdn
    FROM (SELECT
            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {{CertificationKind.Tkdn}}) AS tkdn,
            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {{CertificationKind.Halal}}) AS halal,
            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {{CertificationKind.Sni}}) AS sni,
            max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {{CertificationKind.Tkdn}} AND tkdn_percent >= 25
                AND tkdn_percent + coalesce(bmp_percent, 0) >= 40) AS pdn
          FROM certifications WHERE product_id = p_product_id) c
    WHERE p.id = p_product_id;
$$;
