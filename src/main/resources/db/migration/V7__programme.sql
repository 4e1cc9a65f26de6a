-- Purchase programme (issue 7): entries planned by the territory's buyers, alone or jointly (groupement de
-- commandes), and the history of their states. Derived proposals (contract and framework ends, recurring
-- off-contract spending) are computed by the query layer and only stored once someone adopts them as an entry.

CREATE SEQUENCE programme_entry_seq START 1;

CREATE TABLE programme_entry (
    entry_id             BIGINT PRIMARY KEY DEFAULT nextval('programme_entry_seq'),
    source               VARCHAR NOT NULL,          -- MANUAL | CONTRACT_END | FRAMEWORK_END | RECURRING_SPENDING
    source_ref           VARCHAR,                   -- contract key, or buyer|family of the recurring spending (internal)
    object               VARCHAR NOT NULL,
    family_code          VARCHAR,
    buyer_ids            VARCHAR[] NOT NULL,        -- more than one: a joint entry (groupement de commandes)
    estimated_amount     DECIMAL(18,2),             -- HT
    hide_amount          BOOLEAN NOT NULL DEFAULT false,  -- never published when true
    planned_launch       DATE,
    procedure            VARCHAR,
    lots                 INTEGER,
    reserved             BOOLEAN NOT NULL DEFAULT false,  -- marché réservé (art. L2113-12 à L2113-16 CCP)
    social_clause        BOOLEAN NOT NULL DEFAULT false,
    environmental_clause BOOLEAN NOT NULL DEFAULT false,
    internal_note        VARCHAR,                   -- never published
    state                VARCHAR NOT NULL,          -- DRAFT | VALIDATED | PUBLISHED | LAUNCHED | AWARDED
    created_by           VARCHAR,
    created_at           TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP NOT NULL
);

CREATE TABLE programme_state_change (
    entry_id             BIGINT NOT NULL,
    from_state           VARCHAR,                   -- NULL at creation
    to_state             VARCHAR NOT NULL,
    changed_by           VARCHAR,
    changed_at           TIMESTAMP NOT NULL,
    comment              VARCHAR
);
