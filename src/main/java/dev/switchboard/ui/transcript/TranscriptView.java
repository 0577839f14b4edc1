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
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ParallelTransition;
import javafx.animation.Timeline;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
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
 * the person is at the bottom, gliding down as text streams in; scrolling up stops that until they return (or press
 * "Jump to latest", which shows only then, in a bar under the lines, never over them).
 */
public final class TranscriptView extends BorderPane {

    /** How far above the bottom (px) still counts as "at the bottom". */
    private static final double BOTTOM_SLACK_PX = 24;
    private static final Duration GLIDE = Duration.millis(180);
    private static final Duration APPEAR = Duration.millis(220);

    private final VBox linesBox = new VBox();
    /** The lines, then whatever the shell hosts under them ({@link #setFooter}: the tool cards). */
    private final VBox content = new VBox(linesBox);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Button jumpToLatest = Widgets.button("Jump to latest", "fth-arrow-down", Styles.ACCENT, Styles.SMALL);
    private final HBox jumpBar = new HBox(jumpToLatest);
    private final BooleanProperty animateNewLines = new SimpleBooleanProperty(this, "animateNewLines", true);
    private final boolean controls;
    private final Timeline glide = new Timeline();
    private boolean following = true;
    private boolean scrollingByCode;

    public TranscriptView(TranscriptViewModel model) {
        this(model, true);
    }

    /**
     * @param controls false for a read-only screen (the audience window): no copy button, no context menus, no
     *                 "Jump to latest" (it always follows)
     */
    public TranscriptView(TranscriptViewModel model, boolean controls) {
        this.controls = controls;
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
        HBox toolbar = new HBox(title, callerSpeaking, agentSpeaking, new Spacer());
        if (controls) {
            toolbar.getChildren().add(copyAll);
        }
        title.setMinWidth(Label.USE_PREF_SIZE);
        toolbar.getStyleClass().add("transcript-toolbar");
        setTop(toolbar);

        // --- lines ---
        Node empty = Widgets.emptyState("fth-message-circle", "Nothing said yet",
                Bindings.createStringBinding(() -> "Words appear here as the caller and the agent speak."));
        empty.visibleProperty().bind(Bindings.isEmpty(model.lines()));
        jumpToLatest.setId("jumpToLatest");
        jumpToLatest.setOnAction(e -> {
            following = true;
            scrollToBottom(false);
        });
        jumpToLatest.setMinWidth(Button.USE_PREF_SIZE);
        jumpBar.getStyleClass().add("jump-bar");
        jumpBar.setAlignment(Pos.CENTER);
        showJumpBar(false);
        setCenter(new StackPane(scroll, empty));
        if (controls) {
            setBottom(jumpBar);
        }

        for (TranscriptLine line : model.lines()) {
            linesBox.getChildren().add(nodeFor(line));
        }
        model.lines().addListener((ListChangeListener<TranscriptLine>) change -> {
            if (model.lines().isEmpty()) {
                following = true; // another call: start at its newest line
                showJumpBar(false);
            }
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
                    if (animateNewLines.get() && getScene() != null) {
                        added.forEach(TranscriptView::appear);
                    }
                }
            }
        });

        // Only the person's own scrolling stops following; growth and code never do.
        scroll.vvalueProperty().addListener((obs, old, value) -> {
            if (!scrollingByCode && controls) {
                following = pixelsAboveBottom(content.getHeight()) <= BOTTOM_SLACK_PX;
                showJumpBar(!following);
            }
        });
        // Growth (a new line or a longer bubble) glides the view down from where it was, instead of jumping.
        content.heightProperty().addListener((obs, old, height) -> {
            if (following) {
                double viewport = scroll.getViewportBounds().getHeight();
                double oldRange = Math.max(0, old.doubleValue() - viewport);
                double newRange = Math.max(0, height.doubleValue() - viewport);
                if (newRange > 0) {
                    setVvalueByCode(Math.min(1, scroll.getVvalue() * oldRange / newRange));
                }
                scrollToBottom(animateNewLines.get() && getScene() != null);
            }
        });
    }

    /** Hosts a node under the lines, scrolled and followed with them; views never import each other, so the shell
     *  passes it in (the live tool cards). */
    public void setFooter(Node footer) {
        content.getChildren().setAll(linesBox);
        if (footer != null) {
            content.getChildren().add(footer);
        }
    }

    /** True while new lines scroll into view on their own. */
    public boolean isFollowing() {
        return following;
    }

    /** Whether new bubbles fade in and the view glides as text streams (on by default; View menu turns it off). */
    public BooleanProperty animateNewLinesProperty() {
        return animateNewLines;
    }

    private double pixelsAboveBottom(double contentHeight) {
        double range = Math.max(0, contentHeight - scroll.getViewportBounds().getHeight());
        return (scroll.getVmax() - scroll.getVvalue()) * range;
    }

    private void scrollToBottom(boolean smoothly) {
        glide.stop();
        if (smoothly) {
            scrollingByCode = true; // the glide's own steps are code too
            glide.getKeyFrames().setAll(new KeyFrame(GLIDE, new KeyValue(scroll.vvalueProperty(), scroll.getVmax(),
                    Interpolator.EASE_OUT)));
            glide.setOnFinished(e -> scrollingByCode = false);
            glide.playFromStart();
        } else {
            setVvalueByCode(scroll.getVmax());
        }
        showJumpBar(false);
    }

    private void setVvalueByCode(double value) {
        boolean was = scrollingByCode;
        scrollingByCode = true;
        try {
            scroll.setVvalue(value);
        } finally {
            scrollingByCode = was;
        }
    }

    private void showJumpBar(boolean show) {
        boolean shown = show && controls;
        jumpBar.setVisible(shown);
        jumpBar.setManaged(shown);
    }

    /** A new line fades and rises in gently. */
    private static void appear(Node line) {
        line.setOpacity(0);
        line.setTranslateY(8);
        FadeTransition fade = new FadeTransition(APPEAR, line);
        fade.setToValue(1);
        TranslateTransition rise = new TranslateTransition(APPEAR, line);
        rise.setToY(0);
        rise.setInterpolator(Interpolator.EASE_OUT);
        new ParallelTransition(fade, rise).play();
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
        if (controls) {
            marker.setContextMenu(copyMenu(line));
        }
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
        Label speakerTag = Widgets.label("", "speaker-tag");
        speakerTag.textProperty().bind(line.speakerTagProperty());
        speakerTag.visibleProperty().bind(line.speakerTagProperty().isNotEmpty());
        speakerTag.managedProperty().bind(speakerTag.visibleProperty());
        speakerTag.setTooltip(new javafx.scene.control.Tooltip("Who spoke, as the caller transcription told voices apart"));
        ReplyParts reply = new ReplyParts();
        VBox bubble = new VBox(2, text, reply.heardFlow, failed, reply.status);
        bubble.getStyleClass().add("bubble");
        HBox metaRow = new HBox(6, meta, speakerTag, latency, reply.interrupted);
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
        if (controls) {
            ContextMenu menu = copyMenu(line);
            text.setContextMenu(menu);
            meta.setContextMenu(menu);
        }
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
