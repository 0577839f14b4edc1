package dev.switchboard.store;

import java.sql.PreparedStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;

/** Small JDBC helpers. Instants are stored as integer nanoseconds since the epoch: exact and sortable. */
final class Sql {

    private Sql() {
    }

    /**
     * Starts a write transaction that holds the write lock from its first statement. Several connections write (the
     * webhook journal, the recorder, profiles); a deferred transaction that reads and then writes is refused at once
     * (SQLITE_BUSY / BUSY_SNAPSHOT) when another connection committed meanwhile, while BEGIN IMMEDIATE waits its turn
     * on the busy timeout. The connection stays in auto-commit mode; end with {@link #commit} or {@link #rollback}.
     */
    static void beginWrite(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    static void commit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        }
    }

    /** Rolls back the open transaction, if any; a failure to do so only leaves it for the next BEGIN to report. */
    static void rollback(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open, or the connection is gone: nothing to undo
        }
    }

    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : instant(v);
    }

    static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    static void setNullableInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        setNullableLong(ps, index, value == null ? null : nanos(value));
    }
}
