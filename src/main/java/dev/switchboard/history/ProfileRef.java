package dev.switchboard.history;

/** Which profile version a call was accepted with: the name and the version number saved at that time. */
public record ProfileRef(String name, int version) {

    public ProfileRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name is empty");
        }
        if (version < 1) {
            throw new IllegalArgumentException("profile version must be 1 or more, was " + version);
        }
    }

    /** "Support EN v3". */
    public String describe() {
        return name + " v" + version;
    }
}
