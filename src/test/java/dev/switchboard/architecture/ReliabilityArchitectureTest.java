package dev.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The webhook listener owns the durable-before-acknowledged port; the store implements it, never the reverse. */
class ReliabilityArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard");

    @Test
    void theWebhookPackageKnowsNothingOfTheStoreTheMonitorOrTheApp() {
        noClasses().that().resideInAPackage("dev.switchboard.webhook..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.store..",
                        "dev.switchboard.monitor..", "dev.switchboard.app..", "dev.switchboard.ui..")
                .check(MAIN);
    }
}
