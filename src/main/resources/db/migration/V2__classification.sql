-- Pivot nomenclature, crosswalks and the classification of contracts and spending lines (docs/nomenclature.md).
-- nomenclature_segment / nomenclature_family hold the active version; every imported version is kept, files included,
-- in nomenclature_version.

CREATE TABLE nomenclature_version (
    version            INTEGER PRIMARY KEY,
    source             VARCHAR NOT NULL,          -- "défaut" or the imported folder
    imported_by        VARCHAR,
    imported_at        TIMESTAMP NOT NULL,
    segments           INTEGER NOT NULL,
    families           INTEGER NOT NULL,
    rules              INTEGER NOT NULL,
    files_json         VARCHAR                    -- {"file name": "CSV text as imported", …}
);

CREATE TABLE nomenclature_segment (
    code               VARCHAR PRIMARY KEY,
    label              VARCHAR NOT NULL,
    position           INTEGER NOT NULL,
    version            INTEGER NOT NULL
);

CREATE TABLE nomenclature_family (
    code               VARCHAR PRIMARY KEY,
    segment_code       VARCHAR NOT NULL,
    label              VARCHAR NOT NULL,
    nature             VARCHAR NOT NULL,          -- FOURNITURES | SERVICES | TRAVAUX
    homogeneous        BOOLEAN NOT NULL,          -- homogeneous family for threshold computation
    sustainable        BOOLEAN NOT NULL,          -- relevant for sustainable purchasing
    esat_ea            BOOLEAN NOT NULL,          -- ESAT / EA typically operate in it
    siae               BOOLEAN NOT NULL,          -- SIAE typically operate in it
    keywords           VARCHAR[],
    position           INTEGER NOT NULL,
    version            INTEGER NOT NULL
);

-- Crosswalk rules: CPV / ACCOUNT / NAF prefixes and buyers' own codes → family. buyer_id NULL = territory-wide;
-- otherwise that buyer's override. origin DEFAULT (from nomenclature files) or USER (made from a correction).
CREATE TABLE crosswalk_rule (
    rule_id            BIGINT PRIMARY KEY,
    kind               VARCHAR NOT NULL,          -- CPV | ACCOUNT | BUYER_CODE | NAF
    code               VARCHAR NOT NULL,
    family_code        VARCHAR NOT NULL,
    weight             DOUBLE NOT NULL DEFAULT 1,
    buyer_id           VARCHAR,
    origin             VARCHAR NOT NULL,
    comment            VARCHAR,
    created_by         VARCHAR,
    created_at         TIMESTAMP
);

-- One row per classified record; rewritten by each reclassification. No primary key (bulk rewrite), unique by
-- (subject_kind, subject_key), checked by tests.
CREATE TABLE classification (
    subject_kind       VARCHAR NOT NULL,          -- CONTRACT | SPENDING_LINE
    subject_key        BIGINT NOT NULL,           -- contract.contract_key | spending_line.line_key
    family_code        VARCHAR,                   -- NULL only when method = NONE
    confidence         DOUBLE NOT NULL,
    method             VARCHAR NOT NULL,          -- MANUAL | BUYER_CODE | CPV | LINKED_CONTRACT | ACCOUNT | TEXT | SUPPLIER | NAF | CPV_DIVISION | NONE
    evidence           VARCHAR NOT NULL,          -- human-readable, French
    conflict           BOOLEAN NOT NULL,
    alternative_family_code VARCHAR,
    status             VARCHAR NOT NULL,          -- AUTO | VALIDATED | OVERRIDDEN
    rule_id            BIGINT,
    classified_at      TIMESTAMP NOT NULL
);

-- People's decisions on single records; the latest per record applies at every reclassification.
CREATE TABLE classification_override (
    subject_kind       VARCHAR NOT NULL,
    subject_key        BIGINT NOT NULL,
    family_code        VARCHAR NOT NULL,
    status             VARCHAR NOT NULL,          -- VALIDATED (accepted as is) | OVERRIDDEN (another family)
    user_name          VARCHAR NOT NULL,
    decided_at         TIMESTAMP NOT NULL,
    comment            VARCHAR
);

-- Who changed what, when: decisions, rules, nomenclature imports, and each record whose family a reclassification changed.
CREATE TABLE classification_history (
    changed_at         TIMESTAMP NOT NULL,
    user_name          VARCHAR,
    action             VARCHAR NOT NULL,          -- ACCEPT | OVERRIDE | RULE | NOMENCLATURE_IMPORT | RECLASSIFY
    subject_kind       VARCHAR,
    subject_key        BIGINT,
    old_family_code    VARCHAR,
    new_family_code    VARCHAR,
    rule_id            BIGINT,
    comment            VARCHAR
);
