-- Quotes and the rulesets that priced them. Runs on H2 (the embedded default) and PostgreSQL.

-- A ruleset archived once per version, the first time it prices a quote.
CREATE TABLE rulesets (
    version      VARCHAR(64) PRIMARY KEY,
    content_hash VARCHAR(64) NOT NULL,
    archived_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The rules folder's files of an archived ruleset, by their path in the folder.
CREATE TABLE ruleset_files (
    version VARCHAR(64)   NOT NULL REFERENCES rulesets (version) ON DELETE CASCADE,
    path    VARCHAR(1000) NOT NULL,
    content BYTEA         NOT NULL,
    PRIMARY KEY (version, path)
);

CREATE TABLE quotes (
    id                        VARCHAR(32)  PRIMARY KEY,
    reference                 VARCHAR(100),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until               TIMESTAMP WITH TIME ZONE NOT NULL,
    ruleset_version           VARCHAR(64)  NOT NULL REFERENCES rulesets (version),
    language                  VARCHAR(8)   NOT NULL,
    request                   VARCHAR      NOT NULL,  -- the evaluate request's JSON
    answer_gzip               BYTEA        NOT NULL,  -- the answer's JSON, gzipped (UTF-8)
    explained_gzip            BYTEA        NOT NULL,  -- the answer with its explanation, likewise
    confirmed_at              TIMESTAMP WITH TIME ZONE,
    confirmed_ruleset_version VARCHAR(64)
);

CREATE INDEX quotes_created_at ON quotes (created_at);
CREATE INDEX quotes_ruleset_version ON quotes (ruleset_version);
