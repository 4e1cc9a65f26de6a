-- The cartography (issue 5): the two fact views the cube reads, and the users, buyer scopes and API tokens of the
-- web application. Column lists are explicit and documented in docs/cube.md: a later migration replaces both views
-- (same columns, same order) once classification (V2) and spending/suppliers (V3) land.

-- Grain: contract x current holder. Amounts are split evenly between co-holders so sums never double count;
-- count(DISTINCT contract_key) counts contracts. Aberrant amounts (amount_suspect) are excluded from the measures,
-- as on every aggregate. Columns whose sources do not exist yet are typed NULL placeholders.
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
       NULL::VARCHAR                                                    AS segment_code,
       NULL::VARCHAR                                                    AS segment_label,
       NULL::VARCHAR                                                    AS family_code,
       NULL::VARCHAR                                                    AS family_label,
       c.cpv,
       substr(c.cpv, 1, 2)                                              AS cpv_division,
       h.holder_id                                                      AS supplier_id,
       coalesce(s.name, h.name)                                         AS supplier_name,
       NULL::VARCHAR                                                    AS supplier_size,
       NULL::BOOLEAN                                                    AS supplier_ess,
       NULL::VARCHAR                                                    AS supplier_inclusion,
       NULL::VARCHAR                                                    AS supplier_commune,
       NULL::VARCHAR                                                    AS supplier_epci,
       NULL::VARCHAR                                                    AS supplier_departement,
       NULL::VARCHAR                                                    AS supplier_region,
       NULL::BOOLEAN                                                    AS supplier_local,
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
LEFT JOIN supplier s ON s.supplier_id = h.holder_id;

-- Grain: spending line. An empty placeholder with the final column list until spending lines (V3) land.
CREATE VIEW fact_spending AS
SELECT * FROM (SELECT
       NULL::VARCHAR  AS line_key,
       NULL::VARCHAR  AS buyer_id,
       NULL::VARCHAR  AS buyer_name,
       NULL::VARCHAR  AS buyer_kind,
       NULL::BOOLEAN  AS buyer_in_territory,
       NULL::VARCHAR  AS direction,
       NULL::VARCHAR  AS service,
       NULL::VARCHAR  AS segment_code,
       NULL::VARCHAR  AS segment_label,
       NULL::VARCHAR  AS family_code,
       NULL::VARCHAR  AS family_label,
       NULL::VARCHAR  AS cpv,
       NULL::VARCHAR  AS cpv_division,
       NULL::VARCHAR  AS supplier_id,
       NULL::VARCHAR  AS supplier_name,
       NULL::VARCHAR  AS supplier_size,
       NULL::BOOLEAN  AS supplier_ess,
       NULL::VARCHAR  AS supplier_inclusion,
       NULL::VARCHAR  AS supplier_commune,
       NULL::VARCHAR  AS supplier_epci,
       NULL::VARCHAR  AS supplier_departement,
       NULL::VARCHAR  AS supplier_region,
       NULL::BOOLEAN  AS supplier_local,
       NULL::INTEGER  AS year,
       NULL::INTEGER  AS month,
       NULL::DATE     AS payment_date,
       NULL::VARCHAR  AS account,
       NULL::VARCHAR  AS label,
       NULL::BIGINT   AS contract_key,
       NULL::VARCHAR  AS source,
       NULL::DECIMAL(18,2) AS amount_spent)
WHERE false;

-- People who sign in. Passwords are hashed by Spring Security (BCrypt, "{bcrypt}" prefix); never stored in clear.
CREATE TABLE app_user (
    username           VARCHAR PRIMARY KEY,
    password_hash      VARCHAR NOT NULL,
    role               VARCHAR NOT NULL,          -- ADMIN | ANALYST | VIEWER
    display_name       VARCHAR,
    enabled            BOOLEAN NOT NULL DEFAULT true,
    created_at         TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- The buyer(s) an analyst sees in full detail.
CREATE TABLE app_user_buyer (
    username           VARCHAR NOT NULL,
    buyer_id           VARCHAR NOT NULL,
    PRIMARY KEY (username, buyer_id)
);

-- Personal API tokens: only a SHA-256 of the token is kept; the token itself is shown once, at creation.
CREATE TABLE api_token (
    token_id           VARCHAR PRIMARY KEY,
    username           VARCHAR NOT NULL,
    token_sha256       VARCHAR NOT NULL,
    label              VARCHAR,
    created_at         TIMESTAMP NOT NULL DEFAULT current_timestamp,
    last_used_at       TIMESTAMP
);

-- The cube reads a snapshot of each fact view (a plain table, fact_contract_snapshot…), rebuilt by the query layer
-- when the store's signature (imports, buyers, view definition) changes: recomputing the view's window functions on
-- every click costs seconds at national scale, reading the snapshot milliseconds.
CREATE TABLE cube_snapshot (
    fact               VARCHAR PRIMARY KEY,
    signature          VARCHAR NOT NULL,
    built_at           TIMESTAMP NOT NULL
);
