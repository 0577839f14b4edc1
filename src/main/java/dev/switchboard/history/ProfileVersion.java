package dev.switchboard.history;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AlertPolicy;
import java.time.Instant;

/**
 * One saved version of a profile: what a call is accepted with when this version is picked.
 *
 * @param alerts the profile's own alert rules and cost cap, applied to a call accepted with this version
 */
public record ProfileVersion(String name, int version, Instant savedAt, AcceptSettings settings, AlertPolicy alerts) {

    public ProfileVersion {
        alerts = alerts == null ? AlertPolicy.NONE : alerts;
    }

    /** A version without alerts of its own. */
    public ProfileVersion(String name, int version, Instant savedAt, AcceptSettings settings) {
        this(name, version, savedAt, settings, AlertPolicy.NONE);
    }

    public ProfileRef ref() {
        return new ProfileRef(name, version);
    }

    /** The settings as a call is accepted with them: this profile's name and version in a workflow trace's metadata. */
    public AcceptSettings tracedSettings() {
        return settings.withSession(settings.session().forProfile(name, version));
    }
}
