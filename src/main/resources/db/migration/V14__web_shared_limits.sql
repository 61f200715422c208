-- Counts that every instance shares (module limits, JdbcSharedLimits): the rate limit on posts
-- (a token bucket per client address), sign-in throttling per client address and for usernames
-- that do not exist, the contact form's limit per address. One row per kind and key, changed by
-- one atomic upsert per hit. The key (an address, a typed username: personal data, sometimes a
-- password typed in the wrong field) is stored only as HMAC-SHA256 under the secret below.
CREATE TABLE shared_limit (
    kind         VARCHAR(40)   NOT NULL,
    key_hash     BYTEA         NOT NULL,
    -- A token bucket's tokens at touched_at.
    tokens       DOUBLE PRECISION,
    -- Failures or attempts still within their window, oldest first (at most the limit).
    hits         TIMESTAMPTZ[] NOT NULL DEFAULT '{}',
    locked_until TIMESTAMPTZ,
    touched_at   TIMESTAMPTZ   NOT NULL,
    -- After this the row counts for nothing and the purge deletes it.
    expires_at   TIMESTAMPTZ   NOT NULL,
    -- What the last hit was told: a token taken, an attempt counted, a lock caused.
    taken        BOOLEAN       NOT NULL,
    PRIMARY KEY (kind, key_hash)
);

CREATE INDEX shared_limit_expires_at ON shared_limit (expires_at);

-- The HMAC key: random, made once here, the same for every instance. It keeps addresses and
-- usernames out of the table in readable form; whoever can read this table can read the key too,
-- so this is pseudonymisation, not secrecy, and rows live only as long as their window.
CREATE TABLE shared_limit_key (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    secret BYTEA    NOT NULL
);

INSERT INTO shared_limit_key (id, secret)
VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
