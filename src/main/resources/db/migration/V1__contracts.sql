-- Contracts (DECP) and their provenance. Large tables carry no PRIMARY KEY: DuckDB maintains an ART index per key,
-- which slows bulk inserts several-fold; uniqueness of contract_key is guaranteed by the import's merge step instead
-- (and checked by tests).

CREATE TABLE import_batch (
    batch_id           INTEGER PRIMARY KEY,
    kind               VARCHAR NOT NULL,          -- DECP (SPENDING, SIRENE… later)
    file_path          VARCHAR,
    file_name          VARCHAR NOT NULL,
    file_sha256        VARCHAR,
    file_size          BIGINT,
    format             VARCHAR,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP,
    records_read       BIGINT NOT NULL DEFAULT 0,
    loaded             BIGINT NOT NULL DEFAULT 0,
    duplicates         BIGINT NOT NULL DEFAULT 0,
    rejected           BIGINT NOT NULL DEFAULT 0,
    warnings           BIGINT NOT NULL DEFAULT 0,
    same_content_as    INTEGER                    -- an earlier batch of the very same file content, if any
);

-- The territory served (one row): its name, département(s) and région; buyers belong to it through buyer.in_territory.
CREATE TABLE territory (
    name               VARCHAR NOT NULL,
    departements       VARCHAR[],
    region_code        VARCHAR,
    region_name        VARCHAR
);

CREATE TABLE buyer (
    buyer_id           VARCHAR PRIMARY KEY,       -- the identifier DECP uses (a SIRET), normalised
    siren              VARCHAR,
    name               VARCHAR,
    kind               VARCHAR,                   -- commune, EPCI, CCAS, hôpital… (territory file, SIRENE later)
    legal_category     VARCHAR,                   -- INSEE catégorie juridique
    commune_code       VARCHAR,
    in_territory       BOOLEAN NOT NULL DEFAULT false
);

-- Directions and services of a buyer: the cartography's first axis; spending lines reference them.
CREATE TABLE buyer_unit (
    buyer_id           VARCHAR NOT NULL,
    unit_id            VARCHAR NOT NULL,
    direction          VARCHAR NOT NULL,
    service            VARCHAR
);

CREATE TABLE contract (
    contract_key           BIGINT NOT NULL,       -- 64-bit hash of the dedup key (see dedup.DedupKey)
    kind                   VARCHAR NOT NULL,      -- MARCHE | CONCESSION
    buyer_id               VARCHAR NOT NULL,
    buyer_name             VARCHAR,
    contract_id            VARCHAR NOT NULL,
    identity_hash          BIGINT NOT NULL,       -- hash of buyer_id + contract_id: finds ids reused for lots
    uid                    VARCHAR,
    nature                 VARCHAR,
    nature_original        VARCHAR,
    object                 VARCHAR,
    cpv                    VARCHAR,               -- canonical 8 digits
    cpv_original           VARCHAR,
    procedure              VARCHAR,
    procedure_original     VARCHAR,
    techniques             VARCHAR[],
    execution_modes        VARCHAR[],
    place_code             VARCHAR,
    place_type             VARCHAR,
    place_name             VARCHAR,
    duration_months        INTEGER,
    duration_original      VARCHAR,
    notification_date      DATE,
    signature_date         DATE,
    publication_date       DATE,
    execution_start_date   DATE,
    notification_date_original VARCHAR,
    award_date             DATE,                  -- notification (marché) or signature (concession)
    award_year             INTEGER,
    amount                 DECIMAL(18,2),         -- initial: montant or valeurGlobale
    amount_original        VARCHAR,
    amount_suspect         BOOLEAN NOT NULL DEFAULT false,  -- flagged by an amount rule; kept as published
    public_subsidy         DECIMAL(18,2),
    price_form             VARCHAR,
    price_types            VARCHAR[],
    advance                BOOLEAN,
    advance_rate           DOUBLE,
    origin_ue              DOUBLE,
    origin_france          DOUBLE,
    ccag                   VARCHAR,
    offers_received        INTEGER,
    innovative             BOOLEAN,
    grouping_type          VARCHAR,
    framework_id           VARCHAR,
    social_considerations  VARCHAR[],
    environmental_considerations VARCHAR[],
    subcontracting_declared BOOLEAN,
    execution_data         VARCHAR,               -- concession execution data (JSON text)
    current_amount         DECIMAL(18,2),         -- after modifications
    current_duration_months INTEGER,
    current_holders_mod    BIGINT NOT NULL DEFAULT 0,  -- mod_key whose holders are current (0 = initial list)
    modification_count     INTEGER NOT NULL DEFAULT 0,
    last_modification_date DATE,
    holder_count           INTEGER NOT NULL DEFAULT 0,
    warning_count          INTEGER NOT NULL DEFAULT 0,
    source_format          VARCHAR,
    platform               VARCHAR,
    first_batch_id         INTEGER NOT NULL
);

-- Holders of the initial record (mod_key = 0) and of each modification that changes them.
CREATE TABLE contract_holder (
    contract_key       BIGINT NOT NULL,
    mod_key            BIGINT NOT NULL,
    position           INTEGER NOT NULL,
    holder_id          VARCHAR,
    id_type            VARCHAR,
    id_type_original   VARCHAR,
    name               VARCHAR,
    siren              VARCHAR                    -- first 9 digits of a SIRET
);

CREATE TABLE contract_modification (
    contract_key       BIGINT NOT NULL,
    mod_key            BIGINT NOT NULL,           -- hash of the modification's content: merges republished copies
    rank               INTEGER NOT NULL,
    source_id          VARCHAR,
    object             VARCHAR,
    notification_date  DATE,
    publication_date   DATE,
    duration_months    INTEGER,
    amount             DECIMAL(18,2),
    changes_holders    BOOLEAN NOT NULL
);

CREATE TABLE subcontract (
    contract_key       BIGINT NOT NULL,
    rank               INTEGER NOT NULL,
    source_id          VARCHAR,
    is_modification    BOOLEAN NOT NULL,
    subcontractor_id   VARCHAR,
    id_type            VARCHAR,
    duration_months    INTEGER,
    notification_date  DATE,
    publication_date   DATE,
    amount             DECIMAL(18,2),
    price_variation    VARCHAR
);

-- Every copy of every contract: which batch (hence file and content hash), which record. Re-importing a file adds
-- nothing here.
CREATE TABLE contract_source (
    contract_key       BIGINT NOT NULL,
    batch_id           INTEGER NOT NULL,
    record_position    BIGINT NOT NULL,
    source_format      VARCHAR,
    platform           VARCHAR,
    is_primary         BOOLEAN NOT NULL
);

-- Warnings and repairs of loaded contracts (from the copy that was kept).
CREATE TABLE finding (
    contract_key       BIGINT NOT NULL,
    batch_id           INTEGER NOT NULL,
    record_position    BIGINT NOT NULL,
    rule               VARCHAR NOT NULL,
    severity           VARCHAR NOT NULL,
    field              VARCHAR,
    value              VARCHAR,
    message            VARCHAR
);

-- Records that could not be kept, with what a person needs to fix them at the source.
CREATE TABLE reject (
    batch_id           INTEGER NOT NULL,
    file_name          VARCHAR NOT NULL,
    file_sha256        VARCHAR NOT NULL,
    record_position    BIGINT NOT NULL,
    rule               VARCHAR NOT NULL,
    field              VARCHAR,
    value              VARCHAR,
    message            VARCHAR,
    buyer_id           VARCHAR,
    contract_id        VARCHAR
);

-- Economic operators seen as holders; the supplier referential issue enriches them (SIRENE, ESS, ESAT/EA/SIAE, geography).
CREATE TABLE supplier (
    supplier_id        VARCHAR PRIMARY KEY,       -- identifier as normalised (SIRET, TVA…)
    id_type            VARCHAR,
    siren              VARCHAR,
    name               VARCHAR
);
