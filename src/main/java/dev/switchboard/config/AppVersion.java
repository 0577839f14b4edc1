package dev.switchboard.config;

/** The version for the About dialog and logs: the fat jar's manifest, else the app image's launcher, else "dev". */
public final class AppVersion {

    public static final String DEVELOPMENT = "dev";

    private AppVersion() {
    }

    public static String current() {
        return resolve(AppVersion.class.getPackage().getImplementationVersion(), System.getProperty("jpackage.app-version"));
    }

    static String resolve(String manifestVersion, String jpackageVersion) {
        if (manifestVersion != null && !manifestVersion.isBlank()) {
            return manifestVersion.trim();
        }
        if (jpackageVersion != null && !jpackageVersion.isBlank()) {
            return jpackageVersion.trim();
        }
        return DEVELOPMENT;
    }
}
