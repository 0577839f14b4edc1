package dev.switchboard.ui.setup;

import dev.switchboard.setup.CheckResult;

/**
 * One line of the setup screen.
 *
 * @param mark       ✔, ✘ or – (the icon says the same in colour)
 * @param icon       the Feather icon literal
 * @param styleClass {@code check-pass}, {@code check-fail} or {@code check-skipped}
 * @param fix        what to do, in plain words; empty when the check passed
 */
public record SetupRow(String name, CheckResult.Status status, String mark, String icon, String styleClass,
                       String detail, String fix) {

    public static SetupRow of(CheckResult result) {
        return switch (result.status()) {
            case PASS -> new SetupRow(result.name(), result.status(), "\u2714", "fth-check-circle", "check-pass",
                    result.detail(), "");
            case FAIL -> new SetupRow(result.name(), result.status(), "\u2718", "fth-x-circle", "check-fail",
                    result.detail(), result.fix());
            case SKIPPED -> new SetupRow(result.name(), result.status(), "\u2013", "fth-minus-circle", "check-skipped",
                    result.detail(), result.fix());
        };
    }

    public boolean failed() {
        return status == CheckResult.Status.FAIL;
    }

    /** The fix as the screen words it: "Fix: …", or empty. */
    public String fixText() {
        return fix.isEmpty() ? "" : (status == CheckResult.Status.SKIPPED ? "" : "Fix: ") + fix;
    }
}
