package dev.switchboard.store;

import dev.switchboard.history.CallSummary;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.SearchQuery;
import dev.switchboard.history.StoredCall;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Speaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The call history and profiles: one SQLite database, {@code switchboard.db} in the data directory, in WAL mode so
 * reads never wait for the recorder's writes. Opening creates the file and brings the schema to the current version
 * ({@code PRAGMA user_version}, see {@link Schema}).
 *
 * <p>Thread-safe. The {@link CallRecorder} writes on its own connection and thread; everything here (queries,
 * profile edits, imports) shares a second connection, one caller at a time. Queries take milliseconds but do
 * I/O: call them off the FX thread.
 */
public final class HistoryStore implements AutoCloseable {

    public static final String FILE_NAME = "switchboard.db";
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Clock clock;
    private final int openedAtVersion;
    private final Connection shared;
    private final ProfileStore profiles;
    private final RoutingRules routing;
    private final AnalysisStore analyses;
    private final ExperimentStore experiments;
    private volatile boolean closed;
    private IncomingCallStore incomingCalls;

    private HistoryStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + file.toAbsolutePath().getParent()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            this.shared = connect(file);
            this.openedAtVersion = Schema.migrate(shared);
        } catch (SQLException e) {
            throw new StoreException("cannot open the history database " + file + ": " + e.getMessage(), e);
        }
        this.profiles = new ProfileStore(this);
        this.routing = new RoutingRules(this);
        this.analyses = new AnalysisStore(this);
        this.experiments = new ExperimentStore(this);
    }

    /** Opens (creating if needed) the database file at this path. */
    public static HistoryStore open(Path databaseFile) {
        return new HistoryStore(databaseFile, Clock.systemUTC());
    }

    /** @param clock stamps profile saves (tests pass a fixed one) */
    public static HistoryStore open(Path databaseFile, Clock clock) {
        return new HistoryStore(databaseFile, clock);
    }

    /** Opens {@code <dataDir>/switchboard.db}. */
    public static HistoryStore openIn(Path dataDir) {
        return new HistoryStore(dataDir.resolve(FILE_NAME), Clock.systemUTC());
    }

    Clock clock() {
        return clock;
    }

    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** A new connection to the same database, configured like the others; the caller closes it. */
    Connection newConnection() {
        ensureOpen();
        try {
            return connect(file);
        } catch (SQLException e) {
            throw new StoreException("cannot open the history database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The schema version the file had before this open (0 for a new file). */
    public int openedAtVersion() {
        return openedAtVersion;
    }

    public int schemaVersion() {
        return withShared(Schema::version);
    }

    public static int latestSchemaVersion() {
        return Schema.LATEST;
    }

    /**
     * Where the webhook listener makes each incoming call durable before it answers 200 (one connection of its
     * own, created on first use, closed with the store).
     */
    public synchronized IncomingCallStore incomingCalls() {
        ensureOpen();
        if (incomingCalls == null) {
            incomingCalls = new IncomingCallStore(this);
        }
        return incomingCalls;
    }

    public ProfileStore profiles() {
        return profiles;
    }

    public RoutingRules routing() {
        return routing;
    }

    /** Post-call analyses and profile rubrics. */
    public AnalysisStore analyses() {
        return analyses;
    }

    public ExperimentStore experiments() {
        return experiments;
    }

    // ---- search ----

    /**
     * Full-text search over spoken lines (not markers), newest first. Every word of {@code query} must occur
     * (any order, case and accents ignored); a word ending in {@code *} matches as a prefix; a phrase in double
     * quotes must occur as written. Everything else in the input is taken literally, never as FTS5 syntax.
     * See {@link SearchHit} for the snippet's markers. Blank input finds nothing.
     */
    public List<SearchHit> search(String query, int limit) {
        String match = ftsQuery(query);
        if (match.isEmpty() || limit <= 0) {
            return List.of();
        }
        return withShared(c -> {
            List<Long> ids = new ArrayList<>();
            // utterance ids are in time order (Schema.timeOrderedId): FTS5 walks its index backwards and stops
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM utterances_fts"
                    + " WHERE utterances_fts MATCH ? ORDER BY rowid DESC LIMIT ?")) {
                ps.setString(1, match);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.<SearchHit>of();
            }
            String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
            Map<Long, SearchHit> hits = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.rowid, snippet(utterances_fts, 0, '"
                    + SearchHit.MATCH_START + "', '" + SearchHit.MATCH_END + "', '" + SearchHit.ELLIPSIS + "', 16),"
                    + " u.call_id, u.item_key, u.speaker, u.text, u.at_ns, c.caller_number, c.started_ns"
                    + " FROM utterances_fts f JOIN utterances u ON u.id = f.rowid JOIN calls c ON c.id = u.call_id"
                    + " WHERE utterances_fts MATCH ? AND f.rowid IN (" + in + ")")) {
                ps.setString(1, match);
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 2, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String speaker = rs.getString(5);
                        hits.put(rs.getLong(1), new SearchHit(rs.getString(3), rs.getString(4),
                                speaker == null ? null : Speaker.valueOf(speaker), rs.getString(6), rs.getString(2),
                                Sql.instant(rs.getLong(7)), rs.getString(8), Sql.instant(rs.getLong(9))));
                    }
                }
            }
            List<SearchHit> ordered = new ArrayList<>(ids.size());
            for (Long id : ids) {
                SearchHit hit = hits.get(id);
                if (hit != null) {
                    ordered.add(hit);
                }
            }
            return ordered;
        });
    }

    /** What a person typed as a safe FTS5 query ({@link SearchQuery#fts}). */
    public static String ftsQuery(String input) {
        return SearchQuery.fts(input);
    }

    // ---- listing and loading ----

    /**
     * Calls that started in {@code [from, to)}, newest first. Either bound may be null (open-ended).
     */
    public List<CallSummary> listCalls(Instant from, Instant to, int limit) {
        return withShared(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.*, (SELECT COUNT(*) FROM utterances u"
                    + " WHERE u.call_id = c.id AND u.kind = 'UTTERANCE') AS utterance_count,"
                    + " (SELECT at_ns FROM milestones m WHERE m.call_id = c.id AND m.milestone = 'ACCEPT_ANSWERED')"
                    + " AS answered_ns FROM calls c WHERE c.started_ns >= ? AND c.started_ns < ?"
                    + " ORDER BY c.started_ns DESC, c.id DESC LIMIT ?")) {
                ps.setLong(1, from == null ? Long.MIN_VALUE : Sql.nanos(from));
                ps.setLong(2, to == null ? Long.MAX_VALUE : Sql.nanos(to));
                ps.setInt(3, limit <= 0 ? Integer.MAX_VALUE : limit);
                List<CallSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant ended = Sql.instantOrNull(rs, "ended_ns");
                        Instant answered = Sql.instantOrNull(rs, "answered_ns");
                        Duration duration = ended == null || answered == null ? Duration.ZERO
                                : Duration.between(answered, ended);
                        out.add(new CallSummary(rs.getString("id"), rs.getString("caller_name"),
                                rs.getString("caller_number"), rs.getString("callee_number"),
                                Sql.instant(rs.getLong("started_ns")), ended, duration,
                                CallState.valueOf(rs.getString("state")), rs.getString("reason"), CallReader.profileRef(rs),
                                rs.getInt("utterance_count")));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Calls a previous run left ringing or live (it was closed or killed before their end was seen) would show as
     * ringing forever: they are marked ended with a reason that says the outcome is unknown. Returns how many.
     */
    public int closeUnfinished(String reason) {
        return inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE calls SET state = 'ENDED', reason = ? WHERE state IN ('RINGING', 'ACCEPTING', 'ACTIVE')")) {
                update.setString(1, reason);
                return update.executeUpdate();
            }
        });
    }

    public int callCount() {
        return withShared(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM calls")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Everything about one call, read in one transaction so it is consistent even while it is being recorded. */
    public Optional<StoredCall> load(String callId) {
        return withShared(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return CallReader.load(c, callId);
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
        });
    }

    // ---- import and delete ----

    /** Stores a whole call (e.g. one read from a JSON export), replacing a stored call with the same id. */
    public void save(StoredCall call) {
        saveAll(List.of(call));
    }

    /** Like {@link #save} for many calls, in one transaction. */
    public void saveAll(List<StoredCall> calls) {
        inTransaction(c -> {
            try (HistoryWriter writer = new HistoryWriter(c)) {
                for (StoredCall call : calls) {
                    writer.saveCall(call);
                }
            }
            return null;
        });
    }

    /** Removes a call and everything recorded about it; returns whether it existed. */
    public boolean deleteCall(String callId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM calls WHERE id = ?")) {
                ps.setString(1, callId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ---- plumbing ----

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T withShared(SqlWork<T> work) {
        synchronized (shared) {
            ensureOpen();
            try {
                return work.run(shared);
            } catch (SQLException e) {
                throw new StoreException("history database error: " + e.getMessage(), e);
            }
        }
    }

    <T> T inTransaction(SqlWork<T> work) {
        return withShared(c -> {
            Sql.beginWrite(c);
            try {
                T result = work.run(c);
                Sql.commit(c);
                return result;
            } catch (SQLException | RuntimeException e) {
                Sql.rollback(c);
                throw e;
            }
        });
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the history store is closed");
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (incomingCalls != null) {
                incomingCalls.close();
            }
        }
        synchronized (shared) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                shared.close();
            } catch (SQLException e) {
                // nothing left to do with it
            }
        }
    }
}
