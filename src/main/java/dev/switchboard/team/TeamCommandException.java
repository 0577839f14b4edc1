package dev.switchboard.team;

/** A steering command that was refused or got no answer; the message is one line for a person. */
public final class TeamCommandException extends RuntimeException {

    public TeamCommandException(String reason) {
        super(reason, null, false, false);
    }
}
