package dev.switchboard.store;

import dev.switchboard.history.StateChange;

import dev.switchboard.call.CallState;
import dev.switchboard.call.SipHeader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhook listener's journal writes: the call row (id, SIP headers, received time) and its first state,
 * RINGING, in one small transaction on a connection of its own, committed before the listener answers 200.
 * {@code synchronous=NORMAL} in WAL mode: a committed call survives a process crash (kill -9); a power cut may lose
 * the last commits. The {@link CallRecorder} later finds the row and goes on from there (its inserts are idempotent).
 */
public final class IncomingCallStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IncomingCallStore.class);

    private final Connection connection;
    private final HistoryWriter statements;
    private boolean closed;

    IncomingCallStore(HistoryStore store) {
        this.connection = store.newConnection();
        try {
            this.statements = new HistoryWriter(connection);
        } catch (SQLException e) {
            closeQuietly();
            throw new StoreException("cannot prepare the incoming-call journal: " + e.getMessage(), e);
        }
    }

    /** Commits a new call (as RINGING) before its webhook is answered. */
    public synchronized void record(String callId, List<SipHeader> sipHeaders, Instant receivedAt) throws SQLException {
        write(callId, sipHeaders, receivedAt, true);
    }

    /**
     * Runs {@link #record}'s transaction and rolls it back: the statements are compiled and the tables' pages cached
     * before the first real call, and nothing is kept.
     */
    public synchronized void rehearse(String callId, List<SipHeader> sipHeaders, Instant receivedAt) throws SQLException {
        write(callId, sipHeaders, receivedAt, false);
    }

    private void write(String callId, List<SipHeader> sipHeaders, Instant receivedAt, boolean keep) throws SQLException {
        if (closed) {
            throw new SQLException("the history store is closed");
        }
        Sql.beginWrite(connection);
        boolean committed = false;
        try {
            statements.insertCall(callId, sipHeaders, receivedAt, CallState.RINGING, "", null);
            statements.insertFirstStateIfAbsent(callId, new StateChange(CallState.RINGING, "", receivedAt));
            if (keep) {
                Sql.commit(connection);
                committed = true;
            }
        } finally {
            if (!committed) {
                Sql.rollback(connection);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the journal connection: {}", e.toString());
        }
    }
}
