package org.querent.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One read-only SQLite connection per thread that scans the project beside its one writer (WAL lets readers and a
 * writer run at once). A scan of a million rows on the project's own connection held every decision behind it for
 * seconds; on a connection of its own it holds nobody (ADR 0027). Connections of threads that have ended are closed
 * when a new one opens, and all of them when the project closes.
 */
final class ScanConnections {
    private final String uri;
    private final Map<Thread, Connection> byThread = new ConcurrentHashMap<>();

    ScanConnections(String uri) {
        this.uri = uri;
    }

    /** This thread's connection, opened on first use. */
    Connection forCurrentThread() throws SQLException {
        Thread thread = Thread.currentThread();
        Connection c = byThread.get(thread);
        if (c != null) {
            return c;
        }
        closeThoseOfEndedThreads();
        c = DriverManager.getConnection(uri);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=5000");
            st.execute("PRAGMA query_only=1"); // a scan that tried to write would fail loudly, never race the writer
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        byThread.put(thread, c);
        return c;
    }

    int open() {
        return byThread.size();
    }

    /** Call only when no scan runs (the project is closing). */
    void closeAll() {
        byThread.values().forEach(ScanConnections::closeQuietly);
        byThread.clear();
    }

    private void closeThoseOfEndedThreads() {
        byThread.entrySet().removeIf(e -> {
            if (e.getKey().isAlive()) {
                return false;
            }
            closeQuietly(e.getValue());
            return true;
        });
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Nothing more can be done for a connection that fails to close; the project closes regardless.
        }
    }
}
