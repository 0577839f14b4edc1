package dev.switchboard.config;

import java.io.IOException;

/** Where the setup screen keeps the public URL and the project id between runs. */
public interface SetupStore {

    /** What the setup screen asks for; empty strings when not entered. */
    record Fields(String publicUrl, String projectId) {
        public Fields {
            publicUrl = publicUrl == null ? "" : publicUrl.trim();
            projectId = projectId == null ? "" : projectId.trim();
        }
    }

    Fields load();

    void save(Fields fields) throws IOException;

    /** Keeps the fields in memory only (tests, or no data directory). */
    static SetupStore inMemory(Fields initial) {
        return new SetupStore() {
            private Fields fields = initial;

            @Override
            public synchronized Fields load() {
                return fields;
            }

            @Override
            public synchronized void save(Fields next) {
                fields = next;
            }
        };
    }
}
