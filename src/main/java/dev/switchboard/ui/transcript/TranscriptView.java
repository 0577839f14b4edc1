package dev.switchboard.ui.transcript;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.switchboard.call.AgentReply;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.ui.MetricWidgets;
import dev.switchboard.ui.Widgets;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Chat-style transcript: caller on the left, agent on the right, markers centred. Follows new lines while
 * the person is at the bottom; scrolling up stops that until they return (or press "Jump to latest").
 */
public final class TranscriptView extends BorderPane {

    private static final double BOTTOM_SLACK = 0.002;

    private final VBox linesBox = new VBox();
    private final ScrollPane scroll = new ScrollPane(linesBox);
    private final Button jumpToLatest = Widgets.button("Jump to latest", "fth-arrow-down", Styles.ACCENT, Styles.SMALL);
    private boolean following = true;
    private boolean scrollingByCode;

    public TranscriptView(TranscriptViewModel model) {
        setId("transcript");
        linesBox.getStyleClass().add("transcript-lines");
        scroll.getStyleClass().add("transcript");
        scroll.setFitToWidth(true);

        // --- toolbar: title, speaking indicators, copy all ---
        Label title = Widgets.label("Transcript", Styles.TEXT_BOLD);
        Label callerSpeaking = speakingChip("Caller speaking…", "fth-mic");
        callerSpeaking.visibleProperty().bind(model.callerSpeakingProperty());
        Label agentSpeaking = speakingChip("Agent speaking…", "fth-volume-2");
        agentSpeaking.visibleProperty().bind(model.agentSpeakingProperty());
        Button copyAll = Widgets.button("Copy all", "fth-copy", Styles.FLAT, Styles.SMALL);
        copyAll.setId("copyTranscript");
        copyAll.setOnAction(e -> Widgets.copyToClipboard(model.copyAllText()));
        copyAll.disableProperty().bind(Bindings.isEmpty(model.lines()));
        HBox toolbar = new HBox(title, callerSpeaking, agentSpeaking, new Spacer(), copyAll);
        toolbar.getStyleClass().add("transcript-toolbar");
        setTop(toolbar);

        // --- lines ---
        Node empty = Widgets.emptyState("fth-message-circle", "Nothing said yet",
                Bindings.createStringBinding(() -> "Words appear here as the caller and the agent speak."));
        empty.visibleProperty().bind(Bindings.isEmpty(model.lines()));
        jumpToLatest.setVisible(false);
        jumpToLatest.setOnAction(e -> {
            following = true;
            scrollToBottom();
        });
        StackPane.setAlignment(jumpToLatest, Pos.BOTTOM_CENTER);
        StackPane.setMargin(jumpToLatest, new javafx.geometry.Insets(0, 0, 14, 0));
        setCenter(new StackPane(scroll, empty, jumpToLatest));

        for (TranscriptLine line : model.lines()) {
            linesBox.getChildren().add(nodeFor(line));
        }
        model.lines().addListener((ListChangeListener<TranscriptLine>) change -> {
            while (change.next()) {
                int from = change.getFrom();
                if (change.wasRemoved()) {
                    linesBox.getChildren().remove(from, from + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    List<Node> added = new ArrayList<>();
                    for (TranscriptLine line : change.getAddedSubList()) {
                        added.add(nodeFor(line));
                    }
                    linesBox.getChildren().addAll(from, added);
                }
            }
        });

        scroll.vvalueProperty().addListener((obs, old, value) -> {
            if (!scrollingByCode) {
                following = value.doubleValue() >= scroll.getVmax() - BOTTOM_SLACK;
            }
            jumpToLatest.setVisible(!following);
        });
        // Growth (a new line or a longer bubble) keeps the view pinned to the bottom while following.
        linesBox.heightProperty().addListener(o -> {
            if (following) {
                scrollToBottom();
            }
        });
    }

    /** True while new lines scroll into view on their own. */
    public boolean isFollowing() {
        return following;
    }

    private void scrollToBottom() {
        scrollingByCode = true;
        try {
            scroll.setVvalue(scroll.getVmax());
        } finally {
            scrollingByCode = false;
        }
        jumpToLatest.setVisible(false);
    }

    private static Label speakingChip(String text, String icon) {
        Label chip = Widgets.label(text, "speaking");
        chip.setGraphic(Widgets.icon(icon));
        chip.managedProperty().bind(chip.visibleProperty());
        return chip;
    }

    private Node nodeFor(TranscriptLine line) {
        return line.isUtterance() ? bubble(line) : marker(line);
    }

    private Node marker(TranscriptLine line) {
        Label marker = Widgets.label(line.markerText() + "  ·  " + line.timestamp(), "marker");
        marker.getStyleClass().add(line.kind().name().toLowerCase());
        if (line.markerText().startsWith("OpenAI error")) {
            marker.getStyleClass().add("error"); // the server's error events, in red
        }
        marker.setGraphic(Widgets.icon(switch (line.kind()) {
            case DTMF -> "fth-hash";
            case NOTE -> "fth-edit-3";
            case ALERT -> "fth-bell";
            default -> "fth-activity";
        }));
        marker.setContextMenu(copyMenu(line));
        HBox row = new HBox(marker);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private Node bubble(TranscriptLine line) {
        Label meta = Widgets.label("", "bubble-meta");
        Label text = Widgets.label("", "bubble-text");
        text.setWrapText(true);
        text.textProperty().bind(line.textProperty());
        Label failed = Widgets.label("transcription failed", "bubble-failed-label");
        failed.setGraphic(Widgets.icon("fth-alert-triangle"));
        Label latency = MetricWidgets.latencyBadge();
        ReplyParts reply = new ReplyParts();
        VBox bubble = new VBox(2, text, reply.heardFlow, failed, reply.status);
        bubble.getStyleClass().add("bubble");
        HBox metaRow = new HBox(6, meta, latency, reply.interrupted);
        metaRow.setAlignment(Pos.CENTER_LEFT);
        VBox column = new VBox(3, metaRow, bubble);
        // Bubbles take at most about two thirds of the width, like a chat.
        column.maxWidthProperty().bind(scroll.widthProperty().multiply(0.68));
        HBox row = new HBox(column);
        Runnable restyle = () -> {
            boolean agent = line.speaker() == Speaker.AGENT;
            boolean isFailed = line.isFailed();
            boolean streaming = line.statusProperty().get() == TranscriptEntry.Status.STREAMING;
            meta.setText((agent ? "Agent" : line.speaker() == Speaker.CALLER ? "Caller" : "Unknown")
                    + "  ·  " + line.timestamp() + (streaming ? "  ·  typing…" : ""));
            bubble.getStyleClass().removeAll("agent", "caller", "failed");
            bubble.getStyleClass().add(isFailed ? "failed" : agent ? "agent" : "caller");
            failed.setVisible(isFailed);
            failed.setManaged(isFailed);
            row.setAlignment(agent ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            column.setAlignment(agent ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        };
        line.speakerProperty().addListener(o -> restyle.run());
        line.statusProperty().addListener(o -> restyle.run());
        restyle.run();
        Runnable showReply = () -> reply.show(line.reply(), text, latency);
        line.replyProperty().addListener(o -> showReply.run());
        line.textProperty().addListener(o -> {
            if (line.isInterrupted()) {
                showReply.run();
            }
        });
        showReply.run();
        ContextMenu menu = copyMenu(line);
        text.setContextMenu(menu);
        meta.setContextMenu(menu);
        return row;
    }

    /**
     * The parts of an agent bubble that come from its response: the heard words plain and the unheard ones struck
     * through after a barge-in, a status line when the response did not complete, the "interrupted" chip.
     */
    private static final class ReplyParts {
        final Text heard = new Text();
        final Text unheard = new Text();
        final TextFlow heardFlow = new TextFlow(heard, unheard);
        final Label status = Widgets.label("", "bubble-status");
        final Label interrupted = Widgets.label("interrupted", "interrupted-chip");

        ReplyParts() {
            heard.getStyleClass().add("bubble-heard");
            unheard.getStyleClass().add("bubble-unheard");
            heardFlow.getStyleClass().add("bubble-text");
            heardFlow.setId("heardFlow");
            interrupted.setTooltip(new javafx.scene.control.Tooltip(
                    "The caller spoke over the agent; the struck-through words were never heard (estimated)"));
            status.setGraphic(Widgets.icon("fth-alert-circle"));
        }

        void show(AgentReply reply, Label plainText, Label latency) {
            boolean cut = reply != null && reply.interrupted() && !reply.unheard().isBlank();
            heard.setText(cut ? reply.heard() : "");
            unheard.setText(cut ? reply.unheard() : "");
            visible(heardFlow, cut);
            visible(plainText, !cut);
            visible(interrupted, reply != null && reply.interrupted());
            boolean abnormal = reply != null && reply.endedAbnormally();
            visible(status, abnormal);
            if (abnormal) {
                status.setText("response " + reply.status().orElse("?")
                        + reply.statusReason().map(r -> ": " + r).orElse(""));
            }
            MetricWidgets.showLatency(latency, reply == null ? java.util.Optional.empty() : reply.latency(),
                    reply != null && reply.greeting() ? "greeting latency" : "turn latency");
        }

        private static void visible(Node node, boolean shown) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }

    private static ContextMenu copyMenu(TranscriptLine line) {
        MenuItem copyText = new MenuItem("Copy text", Widgets.icon("fth-copy"));
        copyText.setOnAction(e -> Widgets.copyToClipboard(line.isUtterance() ? line.text() : line.markerText()));
        MenuItem copyLine = new MenuItem("Copy with speaker and time");
        copyLine.setOnAction(e -> Widgets.copyToClipboard(line.copyText()));
        return new ContextMenu(copyText, copyLine);
    }
}
