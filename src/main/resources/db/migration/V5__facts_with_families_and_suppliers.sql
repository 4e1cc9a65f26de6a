-- The two fact views with their real sources, now that classification (V2), spending and suppliers (V3) and the
-- cube (V4) are all in the store: same columns, same order as V4 (docs/cube.md), placeholders replaced.

-- A supplier's profile and location, whichever identifier a holder or a spending line carries: the establishment
-- (SIRET) when known, else its unit's headquarters. Foreign identifiers are never local.
CREATE VIEW supplier_profile AS
WITH hq AS (
    SELECT DISTINCT ON (loc.siren) loc.*
    FROM supplier_location loc JOIN supplier_establishment e ON e.siret = loc.siret
    ORDER BY loc.siren, e.headquarters DESC NULLS LAST, e.active DESC NULLS LAST, loc.siret
)
SELECT s.supplier_id,
       coalesce(s.siren, CASE WHEN regexp_full_match(s.supplier_id, '[0-9]{14}') THEN left(s.supplier_id, 9) END) AS siren,
       CASE WHEN u.diffusible = false THEN NULL ELSE coalesce(u.name, s.name) END AS name,
       u.company_category, u.ess, u.inclusion_type,
       coalesce(l.commune_code, hq.commune_code)         AS commune_code,
       coalesce(l.epci_code, hq.epci_code)               AS epci_code,
       coalesce(l.departement_code, hq.departement_code) AS departement_code,
       coalesce(l.region_code, hq.region_code)           AS region_code,
       CASE WHEN s.id_type IN ('TVA', 'HORS_UE', 'HORS-UE', 'UE') THEN false ELSE coalesce(l.is_local, hq.is_local) END AS is_local
FROM supplier s
LEFT JOIN supplier_unit u
       ON u.siren = coalesce(s.siren, CASE WHEN regexp_full_match(s.supplier_id, '[0-9]{14}') THEN left(s.supplier_id, 9) END)
LEFT JOIN supplier_location l ON l.siret = s.supplier_id
LEFT JOIN hq ON hq.siren = u.siren AND l.siret IS NULL;

CREATE VIEW family_label AS
SELECT f.code AS family_code, f.label AS family_label, f.segment_code, s.label AS segment_label
FROM nomenclature_family f LEFT JOIN nomenclature_segment s ON s.code = f.segment_code;

DROP VIEW fact_contract;

CREATE VIEW fact_contract AS
WITH cur AS (
    SELECT h.contract_key, h.holder_id, h.name,
           count(*) OVER (PARTITION BY h.contract_key) AS holders
    FROM contract_holder h JOIN contract c
      ON c.contract_key = h.contract_key AND h.mod_key = c.current_holders_mod
),
initial_holders AS (
    SELECT contract_key, string_agg(coalesce(holder_id, name), '|' ORDER BY coalesce(holder_id, name)) AS ids
    FROM contract_holder WHERE mod_key = 0 GROUP BY contract_key
),
joint AS (
    SELECT c.contract_key FROM contract c
    JOIN initial_holders ih USING (contract_key)
    JOIN buyer b ON b.buyer_id = c.buyer_id AND b.in_territory
    QUALIFY count(DISTINCT c.buyer_id) OVER (PARTITION BY c.contract_id, lower(c.object), ih.ids) > 1
)
SELECT c.contract_key,
       c.contract_id,
       c.object,
       c.buyer_id,
       coalesce(b.name, c.buyer_name)                                   AS buyer_name,
       b.kind                                                           AS buyer_kind,
       coalesce(b.in_territory, false)                                  AS buyer_in_territory,
       NULL::VARCHAR                                                    AS direction,
       NULL::VARCHAR                                                    AS service,
       fl.segment_code,
       fl.segment_label,
       cl.family_code,
       fl.family_label,
       c.cpv,
       substr(c.cpv, 1, 2)                                              AS cpv_division,
       h.holder_id                                                      AS supplier_id,
       coalesce(p.name, h.name)                                         AS supplier_name,
       p.company_category                                               AS supplier_size,
       p.ess                                                            AS supplier_ess,
       p.inclusion_type                                                 AS supplier_inclusion,
       p.commune_code                                                   AS supplier_commune,
       p.epci_code                                                      AS supplier_epci,
       p.departement_code                                               AS supplier_departement,
       p.region_code                                                    AS supplier_region,
       p.is_local                                                       AS supplier_local,
       c.procedure,
       c.nature,
       c.kind,
       c.award_year                                                     AS year,
       month(c.award_date)                                              AS month,
       len(list_filter(c.social_considerations, x -> x NOT ILIKE 'pas de%')) > 0        AS has_social,
       len(list_filter(c.environmental_considerations, x -> x NOT ILIKE 'pas de%')) > 0 AS has_environmental,
       c.innovative,
       coalesce(c.platform, c.source_format)                            AS source,
       c.contract_key IN (SELECT contract_key FROM joint)               AS joint,
       CASE WHEN c.amount_suspect THEN NULL ELSE c.amount / coalesce(h.holders, 1) END         AS amount_initial_share,
       CASE WHEN c.amount_suspect THEN NULL ELSE c.current_amount / coalesce(h.holders, 1) END AS amount_current_share
FROM contract c
LEFT JOIN buyer b ON b.buyer_id = c.buyer_id
LEFT JOIN cur h ON h.contract_key = c.contract_key
LEFT JOIN supplier_profile p ON p.supplier_id = h.holder_id
LEFT JOIN classification cl ON cl.subject_kind = 'CONTRACT' AND cl.subject_key = c.contract_key
LEFT JOIN family_label fl ON fl.family_code = cl.family_code;

DROP VIEW fact_spending;

-- A spending line's family: its own classification when it has one, else its linked contract's.
CREATE VIEW fact_spending AS
SELECT s.line_key::VARCHAR                                               AS line_key,
       s.buyer_id,
       b.name                                                            AS buyer_name,
       b.kind                                                            AS buyer_kind,
       coalesce(b.in_territory, false)                                   AS buyer_in_territory,
       s.direction,
       s.service,
       fl.segment_code,
       fl.segment_label,
       coalesce(cl.family_code, ccl.family_code)                         AS family_code,
       fl.family_label,
       k.cpv,
       substr(k.cpv, 1, 2)                                               AS cpv_division,
       coalesce(s.supplier_id, s.supplier_siren)                         AS supplier_id,
       s.supplier_name,
       s.company_category                                                AS supplier_size,
       s.ess                                                             AS supplier_ess,
       s.inclusion_type                                                  AS supplier_inclusion,
       s.supplier_commune,
       s.supplier_epci,
       s.supplier_departement,
       s.supplier_region,
       s.is_local                                                        AS supplier_local,
       s.year,
       s.month,
       s.payment_date,
       s.account,
       sl.label,
       s.contract_key,
       bt.file_name                                                      AS source,
       CASE WHEN s.amount_suspect THEN NULL ELSE s.amount END            AS amount_spent
FROM spending_fact s
JOIN spending_line sl ON sl.line_key = s.line_key
LEFT JOIN buyer b ON b.buyer_id = s.buyer_id
LEFT JOIN contract k ON k.contract_key = s.contract_key
LEFT JOIN classification cl ON cl.subject_kind = 'SPENDING_LINE' AND cl.subject_key = s.line_key
LEFT JOIN classification ccl ON ccl.subject_kind = 'CONTRACT' AND ccl.subject_key = s.contract_key
LEFT JOIN family_label fl ON fl.family_code = coalesce(cl.family_code, ccl.family_code)
LEFT JOIN import_batch bt ON bt.batch_id = s.batch_id;
