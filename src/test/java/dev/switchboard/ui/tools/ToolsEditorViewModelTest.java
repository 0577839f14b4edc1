package dev.switchboard.ui.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.config.ToolsJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tools editor: fields to API tool objects, problems with JSON pointers, import/export, masked headers. */
class ToolsEditorViewModelTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final ToolsEditorViewModel model = new ToolsEditorViewModel(ToolSet.NONE);

    @Test
    void aFunctionWithItsReplyPolicy() throws Exception {
        ToolEntry f = model.addFunction();
        f.nameProperty().set("lookup_order");
        f.descriptionProperty().set("Find an order");
        f.parametersProperty().set("{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}");
        f.replyModeProperty().set(ToolReply.Mode.CANNED);
        f.replyOutputProperty().set("{\"status\":\"shipped\"}");
        f.replyDelayMsProperty().set("500");
        model.toolChoiceProperty().set("function:lookup_order");
        assertTrue(model.validProperty().get(), model.problemsProperty().get());
        ToolSet set = model.result();
        assertEquals(JSON.readTree("{\"type\":\"function\",\"name\":\"lookup_order\",\"description\":\"Find an order\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}}"),
                JSON.readTree(set.tools().get(0).json()));
        assertEquals(ToolReply.canned("{\"status\":\"shipped\"}", 500), set.replyFor("lookup_order"));
        assertEquals("function:lookup_order", set.toolChoice());
    }

    @Test
    void problemsNameTheJsonPointer() {
        model.addMcp().nameProperty().set("billing");
        model.selectedProperty().get().serverUrlProperty().set("https://mcp.example.com");
        ToolEntry f = model.addFunction();
        f.nameProperty().set("lookup_order");
        f.parametersProperty().set("{\"type\":\"string\"}");
        assertFalse(model.validProperty().get());
        assertEquals("the parameters schema must have type \"object\" (at /tools/1/parameters/type)",
                model.problemsProperty().get());
        f.parametersProperty().set("{\"type\":");
        assertTrue(model.problemsProperty().get().startsWith("parameters are not valid JSON"), model.problemsProperty().get());
        assertTrue(model.problemsProperty().get().endsWith("(at /tools/1/parameters)"), model.problemsProperty().get());
        f.parametersProperty().set("");
        f.nameProperty().set("look up");
        assertEquals("Function name 'look up' must be 1-64 letters, digits, _ or -.", model.problemsProperty().get());
        f.nameProperty().set("lookup_order");
        f.replyModeProperty().set(ToolReply.Mode.ERROR);
        f.replyDelayMsProperty().set("soon");
        assertEquals("Reply delay of lookup_order must be a number of ms (0-9999999).", model.problemsProperty().get());
    }

    @Test
    void exportMasksHeaderValuesAndImportingItBackKeepsTheHeldValues() throws Exception {
        String secret = "sk-live-123";
        model.importJson("[{\"type\":\"mcp\",\"server_label\":\"billing\",\"server_url\":\"https://mcp.example.com\","
                + "\"require_approval\":\"always\",\"headers\":{\"X-Api-Key\":\"" + secret + "\"}}]");
        assertEquals("Imported 1 tool.", model.importResultProperty().get());
        String exported = model.exportJson();
        assertFalse(exported.contains(secret), exported);
        assertTrue(exported.contains(ToolsJson.MASK), exported);
        assertEquals("", model.importJson(exported));
        String held = JSON.readTree(model.result().tools().get(0).json()).at("/headers/X-Api-Key").asText();
        assertEquals(secret, held, "the real value is kept, not the mask");
    }

    @Test
    void importsAToolsFileWithRepliesAndRefusesMalformedJsonWithoutChangingAnything() {
        model.importJson("{\"tools\":[{\"type\":\"function\",\"name\":\"a\"}],\"replies\":{\"a\":{\"ok\":true}}}");
        assertEquals(ToolReply.canned("{\"ok\":true}", 0), model.result().replyFor("a"));
        String problem = model.importJson("{\"tools\":[{\"type\":\"function\",\"name\":\"b\",\"parameters\":[]}]}");
        assertEquals("parameters must be a JSON Schema object (at /tools/0/parameters)", problem);
        assertEquals(1, model.entries().size());
        assertEquals("a", model.entries().get(0).nameProperty().get());
        assertTrue(model.importJson("{nope").startsWith("Not valid JSON"));
    }

    @Test
    void aLoadedSetComesBackUnchanged() {
        ToolSet set = new ToolSet(ToolsJson.parseToolsText("[{\"type\":\"function\",\"name\":\"a\",\"strict\":true,"
                + "\"parameters\":{\"type\":\"object\"}},{\"type\":\"mcp\",\"server_label\":\"m\",\"server_url\":\"https://x\","
                + "\"allowed_tools\":[\"t1\",\"t2\"],\"require_approval\":\"never\"}]"),
                Map.of("a", ToolReply.error("down", 100)), "auto");
        ToolsEditorViewModel loaded = new ToolsEditorViewModel(set);
        assertEquals(set, loaded.result());
    }
}
