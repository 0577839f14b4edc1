package dev.switchboard.ui.setup;

import dev.switchboard.setup.CheckResult;
import java.util.List;

/** Runs the setup checklist for the entered public URL and project id. Blocking: never called on the FX thread. */
@FunctionalInterface
public interface SetupRunner {

    List<CheckResult> run(String publicUrl, String projectId);
}
