package dev.switchboard.ui.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.call.ToolSpec;
import dev.switchboard.monitor.ActionFailedException;
import dev.switchboard.monitor.CallActions;
import dev.switchboard.ui.CallCommands;
import dev.switchboard.ui.UiDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The tool cards without a toolkit: streaming, parsed arguments, prefill, timer and warning, answers once. */
class ToolCardsViewModelTest {

    final ManualClock clock = new ManualClock(Instant.parse("2025-06-18T21:30:18Z"));
    final Call call = new Call("rtc_1", List.of(), clock);
    final List<String> sent = new ArrayList<>();

    /** Answers like the backend does: through the call's tool calls, so a second answer is refused. */
    final CallActions actions = new CallActions() {
        @Override
        public CompletableFuture<Void> answerTool(Call c, String id, String output) {
            return c.tools().answer(id, output, "by hand").<CompletableFuture<Void>>map(problem -> CompletableFuture
                    .failedFuture(new ActionFailedException(problem, false, null))).orElseGet(() -> {
                        sent.add(id + " " + output);
                        return CompletableFuture.completedFuture(null);
                    });
        }

        @Override
        public CompletableFuture<Void> answerToolWithError(Call c, String id, String message) {
            return answerTool(c, id, "{\"error\":\"" + message + "\"}");
        }

        @Override
        public CompletableFuture<Void> decideApproval(Call c, String id, boolean approve) {
            return c.tools().decide(id, approve, "by hand").<CompletableFuture<Void>>map(problem -> CompletableFuture
                    .failedFuture(new ActionFailedException(problem, false, null))).orElseGet(() -> {
                        sent.add(id + (approve ? " approved" : " denied"));
                        return CompletableFuture.completedFuture(null);
                    });
        }

        public CompletableFuture<Void> accept(Call c, AcceptSettings s) { return done(); }
        public CompletableFuture<Void> reject(Call c, int status) { return done(); }
        public CompletableFuture<Void> hangup(Call c) { return done(); }
        public CompletableFuture<Void> refer(Call c, String uri) { return done(); }
        public CompletableFuture<Void> updateInstructions(Call c, String i) { return done(); }
        public CompletableFuture<Void> say(Call c, String s) { return done(); }
    };
    final ToolCardsViewModel model = new ToolCardsViewModel(new CallCommands(actions, UiDispatcher.immediate()), clock);

    static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    void acceptWithCannedPrefill() {
        ToolSet tools = new ToolSet(List.of(new ToolSpec(ToolSpec.Kind.FUNCTION, "lookup_order",
                "{\"type\":\"function\",\"name\":\"lookup_order\"}")),
                Map.of("lookup_order", ToolReply.byHand("{\"status\":\"shipped\"}")), "");
        call.useSettings(AcceptSettings.defaults().withTools(tools));
    }

    @Test
    void streamsThenShowsParsedArgumentsWithTheCannedPrefillAndAWaitingTimerThatWarnsAfterFiveSeconds() {
        acceptWithCannedPrefill();
        model.show(call);
        call.tools().functionArguments("item_1", "call_1", "lookup_order", "{\"order_id\":");
        model.refresh();
        ToolCardViewModel card = model.cards().get(0);
        assertEquals("lookup_order", card.titleProperty().get());
        assertEquals("{\"order_id\":", card.argumentsProperty().get(), "raw while streaming");
        assertFalse(card.answerableProperty().get());

        call.tools().functionDone("item_1", "call_1", "lookup_order", "{\"order_id\":\"4517\"}");
        model.refresh();
        assertEquals(1, model.cards().size(), "the same card, updated in place");
        assertTrue(card.argumentsProperty().get().contains("\"order_id\" : \"4517\""), card.argumentsProperty().get());
        assertTrue(card.answerableProperty().get());
        assertEquals("{\"status\":\"shipped\"}", card.outputProperty().get(), "prefilled with the profile's reply");
        assertTrue(model.anyWaitingProperty().get());

        clock.advance(Duration.ofMillis(4_900));
        model.tick();
        assertEquals("Caller waiting in silence: 4.9 s", card.waitingProperty().get());
        assertFalse(card.warningProperty().get());
        clock.advance(Duration.ofMillis(200));
        model.tick();
        assertTrue(card.warningProperty().get(), "a warning after 5 s");

        card.outputProperty().set("{\"status\":\"late\"}");
        card.send();
        assertEquals(List.of("call_1 {\"status\":\"late\"}"), sent);
        assertEquals("Sent.", card.resultProperty().get());
        model.refresh();
        assertFalse(card.answerableProperty().get());
        assertFalse(card.warningProperty().get());
        assertEquals("Caller waited 5.1 s", card.waitingProperty().get());
        assertFalse(model.anyWaitingProperty().get());

        card.sendAsError();
        assertEquals(1, sent.size(), "a second answer is refused");
        assertEquals("lookup_order (call_1) was answered already.", card.resultProperty().get());
    }

    @Test
    void parallelCallsEachHaveACard() {
        acceptWithCannedPrefill();
        model.show(call);
        call.tools().functionDone("item_1", "call_1", "lookup_order", "{\"order_id\":\"4517\"}");
        call.tools().functionDone("item_2", "call_2", "lookup_order", "{\"order_id\":\"4518\"}");
        model.refresh();
        assertEquals(List.of("call_1", "call_2"), model.cards().stream().map(ToolCardViewModel::id).toList());
        model.cards().get(1).send();
        model.refresh();
        assertTrue(model.cards().get(0).answerableProperty().get());
        assertFalse(model.cards().get(1).answerableProperty().get());
    }

    @Test
    void mcpListingApprovalAndCallRows() {
        model.show(call);
        call.tools().mcpListTools("list_1", "billing", ToolCall.Status.COMPLETED, List.of("issue_refund", "balance"), null);
        call.tools().mcpApprovalRequest("apr_1", "billing", "issue_refund", "{\"order_id\":\"4517\"}");
        call.tools().mcpCall("mcp_1", "billing", "balance", "{}", ToolCall.Status.RUNNING, null, null);
        model.refresh();
        assertEquals("billing: tools offered", model.cards().get(0).titleProperty().get());
        assertEquals("issue_refund, balance", model.cards().get(0).detailsProperty().get());
        ToolCardViewModel approval = model.cards().get(1);
        assertEquals("Approve billing.issue_refund?", approval.titleProperty().get());
        assertTrue(approval.answerableProperty().get());
        approval.deny();
        assertEquals(List.of("apr_1 denied"), sent);
        approval.approve();
        assertTrue(approval.resultProperty().get().contains("already"), approval.resultProperty().get());

        clock.advance(Duration.ofMillis(1_500));
        call.tools().mcpCall("mcp_1", null, null, null, ToolCall.Status.FAILED, null, "server timed out");
        model.refresh();
        ToolCardViewModel mcp = model.cards().get(2);
        assertEquals("billing.balance", mcp.titleProperty().get());
        assertTrue(mcp.failedProperty().get());
        assertEquals("Failed: server timed out  ·  took 1.5 s", mcp.detailsProperty().get());
    }
}
