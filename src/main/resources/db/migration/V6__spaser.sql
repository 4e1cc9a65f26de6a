-- SPASER steering (issue 6, docs/spaser.md): the targets administrators set per indicator, per buyer or for the whole
-- territory, per year. A trajectory is a series of yearly rows. buyer_id '*' stands for the territory (a primary key
-- cannot hold NULL); metric says which figure of the indicator the target is about.
CREATE TABLE spaser_target (
    indicator          VARCHAR NOT NULL,          -- code of query.spaser.Indicator
    buyer_id           VARCHAR NOT NULL,          -- a buyer's SIRET, or '*' for the territory
    year               INTEGER NOT NULL,
    metric             VARCHAR NOT NULL,          -- SHARE_VALUE | SHARE_COUNT | VALUE | COUNT | AVERAGE
    target_value       DECIMAL(18,4) NOT NULL,    -- a share in [0,1], an amount in euros HT, a count or an average
    comment            VARCHAR,
    updated_by         VARCHAR NOT NULL,
    updated_at         TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (indicator, buyer_id, year, metric)
);
