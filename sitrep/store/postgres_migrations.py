"""PostgreSQL's schema migrations: migration N here makes the same tables and columns as SQLite's
migration N (`migrations.py`), in PostgreSQL's types. A new migration is added to both lists under the
same number; tests/test_store_contract.py checks that both dialects end with the same columns.

Differences from SQLite: BLOB is BYTEA, REAL is DOUBLE PRECISION, INTEGER is BIGINT (SQLite's integers
are 64-bit), the column `end` is quoted (a reserved word here), and the tables read in insertion order
(evidence, event_links, claims) get an identity column `seq` in place of SQLite's rowid. Dates stay
ISO-8601 text, as in SQLite, so both compare and return them alike. The version is kept in
`sitrep_schema` (SQLite: PRAGMA user_version).
"""

COUNTS_MIGRATION = 7  # after its script, the counts are filled from the stored events

POSTGRES_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        published TEXT,
        outlet TEXT,
        url TEXT,
        source TEXT,
        dateline TEXT,
        canonical_id TEXT REFERENCES articles(id),
        signature BYTEA NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        event_date TEXT,
        date_precision TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT,
        actor2 TEXT,
        country TEXT,
        admin1 TEXT,
        admin1_code TEXT,
        admin2 TEXT,
        location TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        geo_precision BIGINT,
        fatalities BIGINT NOT NULL,
        fatalities_low BIGINT,
        fatalities_high BIGINT,
        injured BIGINT NOT NULL,
        warnings TEXT NOT NULL,
        extractor_version TEXT NOT NULL
    );
    CREATE INDEX events_date ON events(event_date);
    CREATE INDEX events_admin1 ON events(admin1_code);
    CREATE TABLE event_sources (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (event_id, article_id)
    );
    CREATE TABLE evidence (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        start BIGINT NOT NULL,
        "end" BIGINT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE claims (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx BIGINT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        numbers TEXT NOT NULL,
        period TEXT,
        start BIGINT NOT NULL,
        "end" BIGINT NOT NULL,
        extractor_version TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    """,
    """
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx BIGINT NOT NULL,
        event_id TEXT NOT NULL,
        event_date TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX mentions_date ON mentions(event_date);
    CREATE INDEX mentions_event ON mentions(event_id);
    CREATE TABLE event_links (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        idx BIGINT NOT NULL,
        other_article_id TEXT,
        other_idx BIGINT,
        score DOUBLE PRECISION NOT NULL,
        reasons TEXT NOT NULL,
        PRIMARY KEY (event_id, article_id, idx)
    );
    """,
    """
    ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'done';
    UPDATE articles SET status = 'pending'
     WHERE canonical_id IS NULL
       AND id NOT IN (SELECT article_id FROM mentions)
       AND id NOT IN (SELECT article_id FROM claims)
       AND id NOT IN (SELECT article_id FROM events)
       AND id NOT IN (SELECT article_id FROM evidence);
    CREATE INDEX articles_status ON articles(status) WHERE status != 'done';
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE failures (
        record TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        article_id TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        PRIMARY KEY (record, stage, reason)
    );
    CREATE TABLE article_bands (
        band BYTEA NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (band, article_id)
    );
    """,
    """
    CREATE TABLE dataset_events (
        event_id TEXT PRIMARY KEY,
        dataset TEXT NOT NULL,
        event_date TEXT,
        date_precision TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT,
        actor2 TEXT,
        country TEXT,
        admin1 TEXT,
        admin1_code TEXT,
        admin2 TEXT,
        location TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        geo_precision BIGINT,
        fatalities BIGINT NOT NULL,
        fatalities_low BIGINT,
        fatalities_high BIGINT,
        injured BIGINT NOT NULL,
        warnings TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        row_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE INDEX dataset_events_date ON dataset_events(dataset, event_date);
    """,
    # 5: analyst corrections (`sitrep serve`), re-applied whenever a run rewrites the event; the evidence
    # indexed by event; indexes that cover the time series (as SQLite's migration 5). Full-text search
    # uses PostgreSQL's own: GIN indexes of to_tsvector('simple', ...) over the evidence sentences and
    # location names, which PostgreSQL keeps in step itself (SQLite needs FTS5 tables and triggers).
    # `PostgresStore._text_match` queries exactly these expressions, so the indexes are used. Events are
    # listed undated first (SQLite's order of NULLs): the date index keeps NULLs first to match.
    """
    CREATE TABLE corrections (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        event_id TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        analyst TEXT NOT NULL,
        made_at TEXT NOT NULL,
        note TEXT
    );
    CREATE INDEX corrections_event ON corrections(event_id);
    CREATE INDEX evidence_event ON evidence(event_id);
    DROP INDEX events_date;
    DROP INDEX events_admin1;
    CREATE INDEX events_date_cover ON events(
        event_date NULLS FIRST, event_type, admin1_code, fatalities, date_precision, admin1, actor1, event_id
    );
    CREATE INDEX events_admin1_cover
        ON events(admin1_code, event_date, event_type, fatalities, date_precision, admin1, actor1);
    CREATE INDEX events_type_cover
        ON events(event_type, event_date, admin1_code, fatalities, date_precision, admin1, actor1);
    CREATE INDEX events_fatalities ON events(fatalities);
    CREATE INDEX evidence_words ON evidence USING GIN (to_tsvector('simple', text));
    CREATE INDEX location_words ON events USING GIN (to_tsvector('simple', COALESCE(location, '')));
    """,
    # 6: when in the day an event happened (morning, afternoon, evening, night), where a report says;
    # events stored before have none (NULL), as do imported datasets, which do not record it.
    """
    ALTER TABLE events ADD COLUMN time_of_day TEXT;
    ALTER TABLE dataset_events ADD COLUMN time_of_day TEXT;
    """,
    # 7: events and fatalities counted per week and per month, by date precision, governorate,
    # district, type, sub-type and actors (`sql_counts.py`): a time series over a million events reads
    # these instead of every event; kinds "week-narrow" and "month-narrow" count by date precision,
    # governorate and type only, for the commonest series. `bucket` is the key of the other key columns (JSON). Filled from
    # the stored events when the migration runs (`CountsKeeper._count_all`), then kept in step by the
    # store's writes. The indexes cover every column a series reads, by date, governorate or type first.
    """
    CREATE TABLE event_counts (
        bucket TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        start TEXT,
        date_precision TEXT,
        admin1_code TEXT,
        admin1 TEXT,
        admin2 TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT,
        actor1 TEXT,
        actor2 TEXT,
        events BIGINT NOT NULL,
        fatalities BIGINT NOT NULL
    );
    CREATE INDEX event_counts_start ON event_counts(
        kind, start, event_type, admin1_code, date_precision, admin1, actor1, events, fatalities,
        admin2, sub_event_type, actor2
    );
    CREATE INDEX event_counts_admin1 ON event_counts(
        kind, admin1_code, start, event_type, date_precision, admin1, actor1, events, fatalities,
        admin2, sub_event_type, actor2
    );
    CREATE INDEX event_counts_type ON event_counts(
        kind, event_type, start, admin1_code, date_precision, admin1, actor1, events, fatalities,
        admin2, sub_event_type, actor2
    );
    """,
)
