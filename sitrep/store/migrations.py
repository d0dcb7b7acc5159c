"""SQLite's schema migrations, applied in order; the database records how many ran (PRAGMA user_version).

PostgreSQL's are in `postgres_migrations.py`: a new migration is added to both under the same number.
"""

COUNTS_MIGRATION = 7  # after its script, the counts are filled from the stored events

MIGRATIONS: tuple[str, ...] = (
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
        signature BLOB NOT NULL,
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
        latitude REAL,
        longitude REAL,
        geo_precision INTEGER,
        fatalities INTEGER NOT NULL,
        fatalities_low INTEGER,
        fatalities_high INTEGER,
        injured INTEGER NOT NULL,
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
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        numbers TEXT NOT NULL,
        period TEXT,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        extractor_version TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    """,
    # 2: reports (mentions) are kept with the event they were linked to, and why, so new articles
    # link into stored events and `sitrep events --explain` can show every report behind one.
    """
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        event_date TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX mentions_date ON mentions(event_date);
    CREATE INDEX mentions_event ON mentions(event_id);
    CREATE TABLE event_links (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        other_article_id TEXT,
        other_idx INTEGER,
        score REAL NOT NULL,
        reasons TEXT NOT NULL,
        PRIMARY KEY (event_id, article_id, idx)
    );
    """,
    # 3: units of work. An article is stored with everything derived from it in one transaction; its
    # status says whether that happened ('done'), is still to do ('pending': stored by an older sitrep
    # whose run was interrupted) or failed ('failed', with the reason). Records that could not be read
    # at all are kept in `failures`. LSH bands of each article's signature are indexed so syndicated
    # copies are found without holding every signature in memory (filled by `backfill_bands`).
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
        band BLOB NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (band, article_id)
    ) WITHOUT ROWID;
    """,
    # 4: events of human-coded datasets (`sitrep import ucdp|acled|gtd`), kept apart from extracted
    # events: they have no article, are never linked, and each keeps its dataset's own row id in its
    # event_id ("ucdp:176092"), so importing the same file again changes nothing (`row_hash`).
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
        latitude REAL,
        longitude REAL,
        geo_precision INTEGER,
        fatalities INTEGER NOT NULL,
        fatalities_low INTEGER,
        fatalities_high INTEGER,
        injured INTEGER NOT NULL,
        warnings TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        row_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE INDEX dataset_events_date ON dataset_events(dataset, event_date);
    """,
    # 5: analyst corrections (`sitrep serve`), each kept with who, when, old and new value (JSON), and
    # re-applied whenever a run rewrites the event, so re-extraction never undoes them. For the API's
    # filters on a million events: the evidence indexed by event; indexes that cover the time series
    # (date, governorate or type first, then the columns counted); and full-text indexes (FTS5) of the
    # evidence sentences and location names, kept in step by triggers.
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
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
    CREATE INDEX events_date_cover
        ON events(event_date, event_type, admin1_code, fatalities, date_precision, admin1, actor1, event_id);
    CREATE INDEX events_admin1_cover
        ON events(admin1_code, event_date, event_type, fatalities, date_precision, admin1, actor1);
    CREATE INDEX events_type_cover
        ON events(event_type, event_date, admin1_code, fatalities, date_precision, admin1, actor1);
    CREATE INDEX events_fatalities ON events(fatalities);
    CREATE VIRTUAL TABLE evidence_words USING fts5(text, content='evidence', content_rowid='rowid');
    CREATE TRIGGER evidence_words_add AFTER INSERT ON evidence BEGIN
        INSERT INTO evidence_words(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER evidence_words_drop AFTER DELETE ON evidence BEGIN
        INSERT INTO evidence_words(evidence_words, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    INSERT INTO evidence_words(evidence_words) VALUES ('rebuild');
    CREATE VIRTUAL TABLE location_words USING fts5(location, content='events', content_rowid='rowid');
    CREATE TRIGGER location_words_add AFTER INSERT ON events BEGIN
        INSERT INTO location_words(rowid, location) VALUES (new.rowid, new.location);
    END;
    CREATE TRIGGER location_words_drop AFTER DELETE ON events BEGIN
        INSERT INTO location_words(location_words, rowid, location) VALUES ('delete', old.rowid, old.location);
    END;
    CREATE TRIGGER location_words_change AFTER UPDATE OF location ON events BEGIN
        INSERT INTO location_words(location_words, rowid, location) VALUES ('delete', old.rowid, old.location);
        INSERT INTO location_words(rowid, location) VALUES (new.rowid, new.location);
    END;
    INSERT INTO location_words(location_words) VALUES ('rebuild');
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
        events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL
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
