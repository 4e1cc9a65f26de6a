-- Spending (payments from buyers' accounting exports), the supplier referential (SIRENE, inclusive-sector lists) and
-- the geography of the territory (COG). Independent of V2 (classification): classification keys on spending_line.line_key.

-- One row per distinct spending line. line_key = hash(content, rank of that content within its file): re-importing a
-- file, or an overlapping export of the same period, merges as duplicates instead of doubling the amounts.
CREATE TABLE spending_line (
    line_key                  BIGINT NOT NULL,
    batch_id                  INTEGER NOT NULL,
    file_name                 VARCHAR NOT NULL,
    line_number               BIGINT NOT NULL,       -- physical line in the file (header = 1) or row in the sheet
    buyer_id                  VARCHAR NOT NULL,
    unit_id                   VARCHAR,               -- buyer_unit (direction/service) when it could be matched
    direction                 VARCHAR,
    service                   VARCHAR,
    payment_date              DATE NOT NULL,
    year                      INTEGER NOT NULL,
    month                     INTEGER NOT NULL,
    amount_ht                 DECIMAL(18,2),
    amount_ttc                DECIMAL(18,2),
    amount                    DECIMAL(18,2) NOT NULL, -- HT when known, else TTC (amount_basis says which)
    amount_basis              VARCHAR NOT NULL,       -- HT | TTC
    amount_suspect            BOOLEAN NOT NULL DEFAULT false, -- ×100 suspicion (file-level finding): kept, excluded from sums
    account                   VARCHAR,               -- nature account (M57/M14…)
    function_code             VARCHAR,
    budget                    VARCHAR,               -- principal / annexe name or code
    supplier_id               VARCHAR,               -- normalised SIRET (or TVA / foreign id) when known
    supplier_id_type          VARCHAR,               -- SIRET | SIREN | TVA | HORS-UE | NAME (name only)
    supplier_siren            VARCHAR,
    supplier_name             VARCHAR,
    supplier_name_norm        VARCHAR,               -- normalised name, for matching name-only lines
    supplier_match_method     VARCHAR,               -- ID | NAME_HISTORY | NAME_REFERENTIAL | null (unmatched)
    supplier_match_confidence DOUBLE,
    contract_ref              VARCHAR,
    contract_key              BIGINT,                -- linked contract (see store.SpendingLinker)
    link_method               VARCHAR,               -- REFERENCE | SUPPLIER_PERIOD | SUPPLIER_PERIOD_AMBIGUOUS
    link_confidence           DOUBLE,
    invoice_ref               VARCHAR,
    label                     VARCHAR
);

-- Later copies of a line already stored (same content): the trace of each merged duplicate.
CREATE TABLE spending_duplicate (
    line_key           BIGINT NOT NULL,
    batch_id           INTEGER NOT NULL,
    file_name          VARCHAR NOT NULL,
    line_number        BIGINT NOT NULL
);

-- Lines that could not be kept, with what a person needs to fix them at the source.
CREATE TABLE spending_reject (
    batch_id           INTEGER NOT NULL,
    file_name          VARCHAR NOT NULL,
    line_number        BIGINT NOT NULL,
    rule               VARCHAR NOT NULL,
    field              VARCHAR,
    value              VARCHAR,
    message            VARCHAR
);

-- Warnings and repairs on kept lines; line_number 0 = about the whole file (e.g. the ×100 suspicion).
CREATE TABLE spending_finding (
    batch_id           INTEGER NOT NULL,
    file_name          VARCHAR NOT NULL,
    line_number        BIGINT NOT NULL,
    rule               VARCHAR NOT NULL,
    severity           VARCHAR NOT NULL,
    field              VARCHAR,
    value              VARCHAR,
    message            VARCHAR
);

-- Legal units (SIREN) with their SIRENE / inclusive-list properties. The DECP table `supplier` links by siren.
CREATE TABLE supplier_unit (
    siren                  VARCHAR PRIMARY KEY,
    name                   VARCHAR,               -- null when the person is non-diffusible (never a hidden personal name)
    name_norm              VARCHAR,
    diffusible             BOOLEAN NOT NULL DEFAULT true,
    legal_category         VARCHAR,
    company_category       VARCHAR,               -- PME | ETI | GE (INSEE); micro derived below
    company_category_year  INTEGER,
    micro                  BOOLEAN,               -- derived: fewer than 10 employees (headcount band NN, 00, 01, 02, 03)
    headcount_band         VARCHAR,
    naf                    VARCHAR,
    ess                    BOOLEAN,
    inclusion_type         VARCHAR,               -- ESAT | EA | EI | AI | ACI | ETTI | GEIQ…
    inclusion_list_date    DATE,
    active                 BOOLEAN,
    source                 VARCHAR,               -- SIRENE_STOCK | API | DECP | SPENDING | INCLUSION
    updated_at             TIMESTAMP
);

CREATE TABLE supplier_establishment (
    siret              VARCHAR PRIMARY KEY,
    siren              VARCHAR NOT NULL,
    commune_code       VARCHAR,
    postcode           VARCHAR,
    address            VARCHAR,               -- null when non-diffusible
    country            VARCHAR,               -- ISO code, FR by default
    active             BOOLEAN,
    headquarters       BOOLEAN,
    source             VARCHAR
);

-- The inclusive-sector lists as imported (SIRET + structure type + date of the list).
CREATE TABLE inclusion_entry (
    siret              VARCHAR NOT NULL,
    siren              VARCHAR NOT NULL,
    inclusion_type     VARCHAR NOT NULL,
    list_date          DATE,
    name               VARCHAR,
    source_file        VARCHAR
);

-- Geography (COG): communes → EPCI → département → région.
CREATE TABLE geo_region (
    code               VARCHAR PRIMARY KEY,
    name               VARCHAR NOT NULL
);

CREATE TABLE geo_departement (
    code               VARCHAR PRIMARY KEY,
    name               VARCHAR NOT NULL,
    region             VARCHAR
);

CREATE TABLE geo_epci (
    code               VARCHAR PRIMARY KEY,   -- SIREN of the EPCI
    name               VARCHAR NOT NULL,
    type               VARCHAR                -- CC | CA | CU | METRO | MET69
);

CREATE TABLE geo_commune (
    code               VARCHAR PRIMARY KEY,   -- INSEE code (also arrondissements municipaux and former communes)
    name               VARCHAR NOT NULL,
    type               VARCHAR,               -- commune-actuelle | arrondissement-municipal | commune-deleguee | commune-associee
    parent             VARCHAR,               -- current commune of an arrondissement or a former commune
    departement        VARCHAR,
    region             VARCHAR,
    epci               VARCHAR,
    lat                DOUBLE,
    lon                DOUBLE
);

-- What "local" means for the territory (one active definition). mode: EPCI | DEPARTEMENT | REGION | DEPARTEMENTS | RADIUS.
CREATE TABLE local_definition (
    mode               VARCHAR NOT NULL,
    reference_commune  VARCHAR NOT NULL,      -- the buyer's (or territory's) commune the definition is relative to
    departements       VARCHAR[],
    radius_km          DOUBLE,
    defined_at         TIMESTAMP NOT NULL
);

-- Where each supplier establishment is and whether it is local under the active definition (cartography reads it).
CREATE VIEW supplier_location AS
WITH def AS (
    SELECT d.*, rc.epci AS ref_epci, rc.departement AS ref_dep, rc.region AS ref_reg, rc.lat AS ref_lat, rc.lon AS ref_lon
    FROM local_definition d LEFT JOIN geo_commune rc ON rc.code = d.reference_commune
), est AS (
    SELECT e.siret, e.siren, e.commune_code, e.country,
           coalesce(c.epci, p.epci) AS epci_code,
           coalesce(c.departement, p.departement) AS departement_code,
           coalesce(c.region, p.region) AS region_code,
           coalesce(c.lat, p.lat) AS lat, coalesce(c.lon, p.lon) AS lon
    FROM supplier_establishment e
    LEFT JOIN geo_commune c ON c.code = e.commune_code
    LEFT JOIN geo_commune p ON p.code = c.parent
)
SELECT est.siret AS supplier_id, est.siret, est.siren, est.commune_code, est.epci_code, est.departement_code,
       est.region_code, est.country,
       CASE WHEN def.mode IS NULL OR est.departement_code IS NULL THEN
                CASE WHEN est.country IS NOT NULL AND est.country <> 'FR' THEN false END
            WHEN def.mode = 'EPCI' THEN est.epci_code IS NOT DISTINCT FROM def.ref_epci AND est.epci_code IS NOT NULL
            WHEN def.mode = 'DEPARTEMENT' THEN est.departement_code = def.ref_dep
            WHEN def.mode = 'REGION' THEN est.region_code = def.ref_reg
            WHEN def.mode = 'DEPARTEMENTS' THEN list_contains(def.departements, est.departement_code)
            WHEN def.mode = 'RADIUS' THEN
                CASE WHEN est.lat IS NULL OR def.ref_lat IS NULL THEN NULL
                     ELSE 2 * 6371.0088 * asin(sqrt(
                            power(sin(radians(est.lat - def.ref_lat) / 2), 2)
                            + cos(radians(def.ref_lat)) * cos(radians(est.lat)) * power(sin(radians(est.lon - def.ref_lon) / 2), 2)))
                          <= def.radius_km END
       END AS is_local
FROM est LEFT JOIN def ON true;

-- Spending as the cartography reads it: each line with its supplier's size, inclusive type, ESS flag and location.
-- A line known by SIREN only (or matched by name) takes its unit's headquarters for the location. A non-diffusible
-- unit's name is never shown, even when the buyer's export carried it.
CREATE VIEW spending_fact AS
SELECT s.line_key, s.batch_id, s.buyer_id, s.unit_id, s.direction, s.service, s.payment_date, s.year, s.month,
       s.amount, s.amount_ht, s.amount_ttc, s.amount_basis, s.amount_suspect, s.account, s.function_code, s.budget,
       s.supplier_id, s.supplier_id_type, s.supplier_siren,
       CASE WHEN u.diffusible = false THEN NULL ELSE coalesce(u.name, s.supplier_name) END AS supplier_name,
       s.supplier_match_method, s.supplier_match_confidence, s.contract_key, s.link_method, s.link_confidence,
       s.contract_key IS NOT NULL AS under_contract,
       u.company_category, u.micro, u.ess, u.inclusion_type, u.legal_category, u.naf,
       coalesce(l.commune_code, hq.commune_code) AS supplier_commune,
       coalesce(l.departement_code, hq.departement_code) AS supplier_departement,
       coalesce(l.region_code, hq.region_code) AS supplier_region,
       coalesce(l.epci_code, hq.epci_code) AS supplier_epci,
       CASE WHEN s.supplier_id_type IN ('TVA', 'HORS-UE') THEN false ELSE coalesce(l.is_local, hq.is_local) END AS is_local
FROM spending_line s
LEFT JOIN supplier_unit u ON u.siren = s.supplier_siren
LEFT JOIN supplier_location l ON l.siret = s.supplier_id
LEFT JOIN (SELECT DISTINCT ON (loc.siren) loc.* FROM supplier_location loc
           JOIN supplier_establishment e ON e.siret = loc.siret
           ORDER BY loc.siren, e.headquarters DESC NULLS LAST, e.active DESC NULLS LAST, loc.siret) hq
       ON hq.siren = s.supplier_siren AND l.siret IS NULL;
