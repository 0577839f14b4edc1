package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.monitor.ConnectionSettings;
import dev.switchboard.ui.settings.SettingsViewModel;
import org.junit.jupiter.api.Test;

/** The Settings dialog's model, without the toolkit: validation, what Save sends, Test connection. */
class SettingsViewModelTest {

    private final FakeBackend backend = new FakeBackend(new TestClock(), false);
    private final SettingsViewModel model = new SettingsViewModel(backend.backend(), UiDispatcher.immediate());

    @Test
    void startsFromTheBackendWithOnlyMaskedSecretsAndEmptyFields() {
        assertEquals(FakeBackend.MASKED_API_KEY, model.maskedApiKey());
        assertEquals(FakeBackend.MASKED_SECRET, model.maskedWebhookSecret());
        assertEquals("", model.apiKeyProperty().get(), "the saved key is never put in the field");
        assertEquals("8000", model.portProperty().get());
        assertEquals("https://api.openai.com/v1", model.baseUrlProperty().get());
        assertTrue(model.fromEnvironment("PORT"));
        assertTrue(model.storageNote().contains("win over saved settings"), model.storageNote());
        assertTrue(model.storageNote().contains("Set by the environment now: PORT"), model.storageNote());
        assertFalse(model.saveDisabledProperty().get());
    }

    @Test
    void portMustBeANumberFrom0To65535() {
        for (String bad : new String[] {"", "http", "-1", "65536", "80.5"}) {
            model.portProperty().set(bad);
            assertTrue(model.saveDisabledProperty().get(), bad);
            assertTrue(model.problemProperty().get().startsWith("The port must be a number"), bad);
        }
        model.portProperty().set(" 0 ");
        assertFalse(model.saveDisabledProperty().get());
        model.portProperty().set("65535");
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void baseUrlMustBeHttpOrHttps() {
        for (String bad : new String[] {"", "api.openai.com/v1", "ftp://x/v1", "https://", "https://x/v1?a=b"}) {
            model.baseUrlProperty().set(bad);
            assertTrue(model.problemProperty().get().startsWith("The base URL must be"), bad);
        }
        model.baseUrlProperty().set("http://127.0.0.1:9000/v1");
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void secretIsCheckedLikeTheListenerChecksIt() {
        model.webhookSecretProperty().set("whsec_not*base64");
        assertEquals("Webhook secret is not 'whsec_' followed by base64.", model.problemProperty().get());
        model.webhookSecretProperty().set("whsec_");
        assertTrue(model.problemProperty().get().startsWith("Webhook secret"), model.problemProperty().get());
        model.webhookSecretProperty().set("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=");
        assertEquals("", model.problemProperty().get());
        model.apiKeyProperty().set("sk-with space");
        assertTrue(model.problemProperty().get().contains("spaces"));
    }

    @Test
    void emptyFieldsKeepTheSavedSecretsAndRemoveClearsThem() {
        model.portProperty().set("8123");
        model.bindProperty().set("0.0.0.0");
        model.save();
        ConnectionSettings kept = backend.applied.get(0);
        assertNull(kept.apiKey(), "empty field: keep the saved key");
        assertNull(kept.webhookSecret());
        assertEquals(8123, kept.port());
        assertEquals("0.0.0.0", kept.bind());
        assertTrue(model.saveResultProperty().get().startsWith("Saved."), model.saveResultProperty().get());

        model.apiKeyProperty().set("  sk-new-key-0123456789  ");
        model.removeWebhookSecretProperty().set(true);
        model.save();
        ConnectionSettings changed = backend.applied.get(1);
        assertEquals("sk-new-key-0123456789", changed.apiKey());
        assertEquals("", changed.webhookSecret(), "remove: back to demo mode");
        assertEquals("", model.apiKeyProperty().get(), "the typed key leaves the form once handed over");
    }

    @Test
    void aFailedSaveSaysWhyAndKeepsTheForm() {
        backend.failNextApply.set("port 8123 on 127.0.0.1 is in use: stop the other program or choose another port");
        model.apiKeyProperty().set("sk-new-key-0123456789");
        model.save();
        assertTrue(model.saveFailedProperty().get());
        assertEquals("Not saved: port 8123 on 127.0.0.1 is in use: stop the other program or choose another port",
                model.saveResultProperty().get());
        assertEquals("sk-new-key-0123456789", model.apiKeyProperty().get());
        assertFalse(model.savingProperty().get());
    }

    @Test
    void testConnectionUsesTheTypedKeyOrTheSavedOneAndReportsTheBackendsWords() {
        backend.testAnswer = "Key refused (401): https://api.openai.com/v1 does not accept this API key.";
        model.testConnection();
        assertEquals("(saved)", backend.testedKeys.get(0));
        assertEquals(backend.testAnswer, model.testResultProperty().get());
        assertFalse(model.testingProperty().get());

        model.apiKeyProperty().set("sk-typed-0123456789");
        model.testConnection();
        assertEquals("sk-typed-0123456789", backend.testedKeys.get(1));

        model.baseUrlProperty().set("nope");
        model.testConnection();
        assertEquals(2, backend.testedKeys.size(), "a bad URL is not sent anywhere");
        assertTrue(model.testResultProperty().get().startsWith("The base URL must be"));
    }
}
