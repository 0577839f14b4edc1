package dev.switchboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database schema as an ordered list of migrations. {@code PRAGMA user_version} holds the version a database
 * is at; opening applies every later step, each in its own transaction, so an interrupted upgrade is redone.
 * Never edit a released step: add a new one.
 */
final class Schema {

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "calls, state changes, transcript entries, raw events", List.of(
                    "CREATE TABLE calls (id TEXT PRIMARY KEY, caller_name TEXT NOT NULL DEFAULT '',"
                            + " caller_number TEXT NOT NULL DEFAULT '', callee_number TEXT NOT NULL DEFAULT '',"
                            + " sip_headers TEXT NOT NULL DEFAULT '[]', started_ns INTEGER NOT NULL, ended_ns INTEGER,"
                            + " state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', settings_json TEXT)",
                    "CREATE INDEX calls_started ON calls(started_ns)",
                    "CREATE TABLE state_changes (call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,"
                            + " seq INTEGER NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',"
                            + " at_ns INTEGER NOT NULL, PRIMARY KEY (call_id, seq))",
                    "CREATE TABLE utterances (id INTEGER PRIMARY KEY, call_id TEXT NOT NULL REFERENCES calls(id)"
                            + " ON DELETE CASCADE, item_key TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,"
                            + " speaker TEXT, text TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, at_ns INTEGER NOT NULL,"
                            + " UNIQUE (call_id, item_key))",
                    "CREATE TABLE events (call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,"
                            + " seq INTEGER NOT NULL, at_ns INTEGER NOT NULL, direction TEXT NOT NULL, type TEXT NOT NULL,"
                            + " json TEXT NOT NULL, PRIMARY KEY (call_id, seq))")),
            new Migration(2, "profiles with versions, routing rules, call profile/timeline/usage, full-text search",
                    List.of(
                    "ALTER TABLE calls ADD COLUMN profile_name TEXT",
                    "ALTER TABLE calls ADD COLUMN profile_version INTEGER",
                    "ALTER TABLE calls ADD COLUMN last_action TEXT NOT NULL DEFAULT ''",
                    "CREATE TABLE milestones (call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,"
                            + " milestone TEXT NOT NULL, at_ns INTEGER NOT NULL, PRIMARY KEY (call_id, milestone))",
                    "CREATE TABLE usage (call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,"
                            + " seq INTEGER NOT NULL, response_id TEXT, input_tokens INTEGER NOT NULL,"
                            + " output_tokens INTEGER NOT NULL, total_tokens INTEGER NOT NULL, PRIMARY KEY (call_id, seq))",
                    "CREATE INDEX utterances_at ON utterances(at_ns)",
                    // ids in time order from now on (see timeOrderedId); version 1 ids were plain row numbers
                    "UPDATE utterances SET id = (at_ns / 1000000) * " + 1048576 + " + id",
                    // external content: the text lives once, in utterances; only spoken lines are indexed
                    "CREATE VIRTUAL TABLE utterances_fts USING fts5(text, content='utterances', content_rowid='id',"
                            + " tokenize='unicode61 remove_diacritics 2')",
                    "CREATE TRIGGER utterances_fts_insert AFTER INSERT ON utterances WHEN new.kind = 'UTTERANCE' BEGIN"
                            + " INSERT INTO utterances_fts(rowid, text) VALUES (new.id, new.text); END",
                    "CREATE TRIGGER utterances_fts_delete AFTER DELETE ON utterances WHEN old.kind = 'UTTERANCE' BEGIN"
                            + " INSERT INTO utterances_fts(utterances_fts, rowid, text) VALUES ('delete', old.id, old.text);"
                            + " END",
                    "CREATE TRIGGER utterances_fts_update AFTER UPDATE OF text ON utterances"
                            + " WHEN old.kind = 'UTTERANCE' AND old.text IS NOT new.text BEGIN"
                            + " INSERT INTO utterances_fts(utterances_fts, rowid, text) VALUES ('delete', old.id, old.text);"
                            + " INSERT INTO utterances_fts(rowid, text) VALUES (new.id, new.text); END",
                    "INSERT INTO utterances_fts(rowid, text) SELECT id, text FROM utterances WHERE kind = 'UTTERANCE'",
                    "CREATE TABLE profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                            + " created_ns INTEGER NOT NULL)",
                    "CREATE TABLE profile_versions (profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                            + " version INTEGER NOT NULL, saved_ns INTEGER NOT NULL, settings_json TEXT NOT NULL,"
                            + " PRIMARY KEY (profile_id, version))",
                    "CREATE TABLE routing_rules (id INTEGER PRIMARY KEY, position INTEGER NOT NULL,"
                            + " number_prefix TEXT NOT NULL, profile_name TEXT NOT NULL COLLATE NOCASE,"
                            + " enabled INTEGER NOT NULL DEFAULT 1)")),
            new Migration(3, "post-call analyses (searchable), experiments and their calls, profile rubrics", List.of(
                    "CREATE TABLE analyses (call_id TEXT PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,"
                            + " status TEXT NOT NULL, model TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',"
                            + " outcome TEXT NOT NULL DEFAULT '', scores_json TEXT NOT NULL DEFAULT '[]',"
                            + " error TEXT NOT NULL DEFAULT '', at_ns INTEGER NOT NULL)",
                    // its own small index: a summary is one row per call, searched next to the spoken lines
                    "CREATE VIRTUAL TABLE analyses_fts USING fts5(call_id UNINDEXED, summary,"
                            + " tokenize='unicode61 remove_diacritics 2')",
                    "CREATE TABLE experiments (id INTEGER PRIMARY KEY, name TEXT NOT NULL, arms_json TEXT NOT NULL,"
                            + " seed INTEGER NOT NULL, started_ns INTEGER NOT NULL, stopped_ns INTEGER)",
                    "CREATE TABLE experiment_calls (experiment_id INTEGER NOT NULL REFERENCES experiments(id)"
                            + " ON DELETE CASCADE, call_id TEXT NOT NULL, arm INTEGER NOT NULL,"
                            + " profile_name TEXT NOT NULL, profile_version INTEGER NOT NULL, at_ns INTEGER NOT NULL,"
                            + " PRIMARY KEY (experiment_id, call_id))",
                    "CREATE TABLE profile_rubrics (profile_name TEXT PRIMARY KEY COLLATE NOCASE,"
                            + " rubric_json TEXT NOT NULL)")),
            new Migration(4, "per-call latency, cost, interruptions and health (history.CallMetrics)", List.of(
                    "CREATE TABLE call_metrics (call_id TEXT PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,"
                            + " turns INTEGER NOT NULL, greeting_ms INTEGER, turn_p50_ms INTEGER, turn_p95_ms INTEGER,"
                            + " turn_max_ms INTEGER, interruptions INTEGER NOT NULL, responses INTEGER NOT NULL,"
                            + " cost_usd REAL, alerts INTEGER NOT NULL, warnings INTEGER NOT NULL, close_code INTEGER,"
                            + " close_reason TEXT, webhook_lag_ms INTEGER, per_turn_json TEXT NOT NULL DEFAULT '[]')")),
            new Migration(5, "a profile version's own alert rules and cost cap", List.of(
                    "ALTER TABLE profile_versions ADD COLUMN alert_rules_json TEXT NOT NULL DEFAULT '[]'",
                    "ALTER TABLE profile_versions ADD COLUMN cost_cap_usd REAL")));

    /**
     * Utterance ids are {@code epochMillis × 2^20 + n}: the id order is the time order (to the millisecond, then
     * insertion order), so a full-text search can take the newest matches in rowid order without sorting them all.
     * Good until the year 2255.
     */
    static final long IDS_PER_MILLISECOND = 1L << 20;

    static long timeOrderedId(java.time.Instant at) {
        return Math.max(0, at.toEpochMilli()) * IDS_PER_MILLISECOND;
    }

    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the database to {@link #LATEST}; returns the version it was at. */
    static int migrate(Connection connection) throws SQLException {
        int from = version(connection);
        if (from > LATEST) {
            throw new StoreException("the history database is from a newer Switchboard (schema " + from
                    + ", this version knows " + LATEST + "); update Switchboard or use another --data-dir");
        }
        for (Migration m : MIGRATIONS) {
            if (m.version() <= version(connection)) {
                continue;
            }
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String sql : m.statements()) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + m.version());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
        return from;
    }
}
