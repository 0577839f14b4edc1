package dev.switchboard.setup;

import java.util.Objects;

/**
 * One line of the setup checklist.
 *
 * @param name   what was checked, e.g. "API key"
 * @param status the outcome
 * @param detail what was found, in plain words (never a secret)
 * @param fix    what to do about a failure or a skip, in plain words; empty when it passed
 */
public record CheckResult(String name, Status status, String detail, String fix) {

    public enum Status { PASS, FAIL, SKIPPED }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, Status.PASS, detail, "");
    }

    public static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(name, Status.FAIL, detail, fix);
    }

    public static CheckResult skipped(String name, String detail, String fix) {
        return new CheckResult(name, Status.SKIPPED, detail, fix);
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
