package dev.switchboard.team;

/** The Redis key layout of team mode (one place, so hubs and watchers of one version agree). */
final class TeamKeys {

    /** A stream entry's one field: the event as JSON. */
    static final String FIELD = "e";
    /** Stream of "a call started" entries: how watchers find every call the streams still hold. */
    static final String INDEX = "sb:index";
    /** Hash: live call id → the hub that owns it. Hubs scan it for calls whose owner's lease expired. */
    static final String LIVE = "sb:live";
    /** Stream of steering commands, read by every hub; the owner of the call applies each. */
    static final String COMMANDS = "sb:commands";

    private TeamKeys() {
    }

    static String stream(String callId) {
        return "sb:call:" + callId;
    }

    static String lease(String callId) {
        return "sb:lease:" + callId;
    }

    static String driver(String callId) {
        return "sb:driver:" + callId;
    }

    static String presence(String callId) {
        return "sb:presence:" + callId;
    }

    static String reply(String requestId) {
        return "sb:reply:" + requestId;
    }

    /** Call ids come from webhooks: only a plain id shape may become part of a key. */
    static boolean validCallId(String callId) {
        return callId != null && callId.matches("[A-Za-z0-9_\\-]{1,128}");
    }
}
