package dev.switchboard.history;

import dev.switchboard.call.AcceptSettings;
import java.time.Instant;

/** One saved version of a profile: what a call is accepted with when this version is picked. */
public record ProfileVersion(String name, int version, Instant savedAt, AcceptSettings settings) {

    public ProfileRef ref() {
        return new ProfileRef(name, version);
    }

    /** The settings as a call is accepted with them: this profile's name and version in a workflow trace's metadata. */
    public AcceptSettings tracedSettings() {
        return settings.withSession(settings.session().forProfile(name, version));
    }
}
