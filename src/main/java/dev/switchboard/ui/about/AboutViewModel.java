package dev.switchboard.ui.about;

import dev.switchboard.config.AppVersion;
import java.nio.file.Path;

/**
 * What the About dialog says. Plain values, tested without the toolkit.
 *
 * @param versionText "Version 0.1.0", or "Development build" when running from the sources
 * @param runtimeText "Java 17.0.9 (Eclipse Adoptium) · JavaFX 21.0.11"
 * @param logFolder   where the log file is written (Help → Open log folder opens it)
 */
public record AboutViewModel(String name, String versionText, String runtimeText, String description, Path logFolder) {

    public static final String NAME = "Switchboard";
    public static final String DESCRIPTION = "A desktop monitor for OpenAI Realtime SIP calls: watch calls ring, "
            + "answer them with your instructions and follow both speakers live.";

    /** This process: {@link AppVersion#current()}, the running Java and JavaFX. */
    public static AboutViewModel current(Path logFolder) {
        String fx = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version"));
        return of(AppVersion.current(), System.getProperty("java.version"), System.getProperty("java.vendor"), fx,
                logFolder);
    }

    public static AboutViewModel of(String version, String javaVersion, String javaVendor, String javafxVersion,
                                    Path logFolder) {
        String versionText = version == null || version.isBlank() || AppVersion.DEVELOPMENT.equals(version)
                ? "Development build" : "Version " + version.trim();
        String java = "Java " + orUnknown(javaVersion)
                + (javaVendor == null || javaVendor.isBlank() ? "" : " (" + javaVendor.trim() + ")");
        return new AboutViewModel(NAME, versionText, java + " \u00b7 JavaFX " + orUnknown(javafxVersion), DESCRIPTION,
                logFolder);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value.trim();
    }
}
