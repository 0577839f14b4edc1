package dev.switchboard.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.ToolSet;
import dev.switchboard.openai.SessionJson;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * Answers a call's function calls and MCP approval requests, by a person or automatically ({@link ToolAutoReply}).
 * An output goes out as {@code conversation.item.create}; once no function call of the call still waits,
 * {@code response.create} follows, held back until the response that made the calls has finished (the API
 * refuses a second active response).
 */
final class ToolDesk {

    private final BiPredicate<Call, ObjectNode> send;
    private final ScheduledExecutorService scheduler;
    private final Executor io;
    private final Set<String> responseOwed = ConcurrentHashMap.newKeySet();
    private volatile ToolAutoReply policy = ToolAutoReply.BY_PROFILE;

    ToolDesk(BiPredicate<Call, ObjectNode> send, ScheduledExecutorService scheduler, Executor io) {
        this.send = send;
        this.scheduler = scheduler;
        this.io = io;
    }

    void setPolicy(ToolAutoReply policy) {
        this.policy = policy;
    }

    /** Follows an answered call: answers what the policy answers, sends the owed {@code response.create}. */
    void watch(Call call) {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        call.addListener((c, change) -> {
            if (change == CallChange.TOOLS) {
                for (ToolCall t : c.tools().waiting()) {
                    if (handled.add(t.id())) {
                        autoAnswer(c, t);
                    }
                }
            } else if (change == CallChange.SPEAKING) {
                sendOwedResponse(c);
            }
        });
    }

    private void autoAnswer(Call call, ToolCall t) {
        ToolAutoReply p = policy;
        if (t.kind() == ToolCall.Kind.MCP_APPROVAL) {
            p.mcpApprove().ifPresent(approve -> later(call, t.id(), p.deskWaitMs(),
                    () -> decide(call, t.id(), approve, "automatically" + (p.deskWaitMs() > 0
                            ? ", no desk decided in " + p.deskWait() : ""))));
            return;
        }
        ToolSet tools = call.settings().map(s -> s.tools()).orElse(ToolSet.NONE);
        p.plan(tools, t.name()).ifPresent(plan -> later(call, t.id(), plan.delayMs(),
                () -> answer(call, t.id(), plan.output(), plan.how())));
    }

    /** Answers after the delay unless someone answered first (a person, or a desk through the team hub). */
    private void later(Call call, String toolId, long delayMs, Runnable answer) {
        Runnable ifStillWaiting = () -> {
            if (call.tools().get(toolId).map(ToolCall::awaitsAnswer).orElse(false)) {
                answer.run();
            }
        };
        try {
            scheduler.schedule(ifStillWaiting, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the monitor is closing
        }
    }

    CompletableFuture<Void> answer(Call call, String toolCallId, String output, String how) {
        return CompletableFuture.runAsync(() -> {
            Optional<String> refused = call.tools().answer(toolCallId, output == null ? "" : output, how);
            if (refused.isPresent()) {
                throw fail(call, "Answer", refused.get());
            }
            if (!send.test(call, SessionJson.functionCallOutput(toolCallId, output == null ? "" : output))) {
                call.tools().answerNotSent(toolCallId, "not sent: the call's socket is closed");
                throw fail(call, "Answer", "The call's socket is closed.");
            }
            boolean othersWait = call.tools().waiting().stream().anyMatch(w -> w.kind() == ToolCall.Kind.FUNCTION);
            if (!othersWait) {
                responseOwed.add(call.id());
                sendOwedResponse(call);
            }
            call.reportAction("Sent the output of " + call.tools().get(toolCallId).map(ToolCall::name).orElse("the tool")
                    + " (" + how + ").");
        }, io);
    }

    CompletableFuture<Void> decide(Call call, String approvalId, boolean approve, String how) {
        return CompletableFuture.runAsync(() -> {
            Optional<String> refused = call.tools().decide(approvalId, approve, how);
            if (refused.isPresent()) {
                throw fail(call, approve ? "Approve" : "Deny", refused.get());
            }
            if (!send.test(call, SessionJson.mcpApproval(approvalId, approve))) {
                throw fail(call, approve ? "Approve" : "Deny", "The call's socket is closed.");
            }
            call.reportAction((approve ? "Approved" : "Denied") + " the MCP call.");
        }, io);
    }

    /** Once the agent's response is over, the owed {@code response.create} goes out (once). */
    private void sendOwedResponse(Call call) {
        if (!call.isSpeaking(Speaker.AGENT) && responseOwed.remove(call.id())) {
            send.test(call, SessionJson.responseCreate());
        }
    }

    private static ActionFailedException fail(Call call, String action, String reason) {
        call.reportAction(action + " failed: " + reason);
        return new ActionFailedException(reason, false, null);
    }
}
