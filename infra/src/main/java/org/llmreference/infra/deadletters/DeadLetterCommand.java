package org.llmreference.infra.deadletters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.llmreference.infra.deadletters.DeadLetterTopics.KafkaUnavailable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./llmref dlq}: lists the dead letters of every consumer group with their reason, shows
 * one whole, and sends chosen ones back to their source topic once the cause is fixed. A replay
 * is a dry run unless {@code --confirm} is given, and a dead letter already replayed is refused
 * (a replayed event that fails again is dead-lettered again, as a new record that can be replayed).
 *
 * <p>Exit codes: 0 done; 1 Kafka did not answer, or a chosen record was refused; 2 bad arguments.
 */
public final class DeadLetterCommand {

    static final String USAGE = """
            usage: ./llmref dlq list [<dead-letter topic>]
                   ./llmref dlq show <dead-letter topic> <offset>
                   ./llmref dlq replay <dead-letter topic> (<offset>[,<offset>...] | --all) [--confirm]

              list    the dead letters of every consumer group (or of one topic): when, from where, the event's key,
                      type and revision, why it failed (unreadable: not a readable event, retrying cannot help;
                      failed: the consumer failed on every attempt), and whether it was replayed
              show    one dead letter whole: headers, the failure's stack trace, the value
              replay  sends the chosen dead letters (--all: those not replayed yet) back to their source topic with
                      the same key, value and event headers. Without --confirm it only says what it would send.
                      Each replay is recorded on the dead-letter topic; a second replay of the same record is refused.
                      Consumers skip an event whose revision they already hold, so a replay never rolls anything back.
            options: --bootstrap <host:port> (the run command passes its Kafka), --timeout <seconds> (15)
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CAUSE_WIDTH = 200;

    private final PrintStream out;

    private DeadLetterCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("llmref dlq: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.print(USAGE);
            return 0;
        }
        try (DeadLetterTopics topics = new DeadLetterTopics(arguments.bootstrap(), arguments.timeout())) {
            DeadLetterCommand command = new DeadLetterCommand(out);
            return switch (arguments.action()) {
                case "list" -> command.list(topics, arguments.topic());
                case "show" -> command.show(topics, arguments.topic(), arguments.offsets().get(0));
                default -> command.replay(topics, arguments);
            };
        } catch (IllegalArgumentException e) {
            err.println("llmref dlq: " + e.getMessage());
            return 2;
        } catch (KafkaUnavailable e) {
            err.println("llmref dlq: " + e.getMessage());
            return 1;
        }
    }

    private int list(DeadLetterTopics topics, String only) {
        for (String topic : only == null ? DeadLetterTopics.names() : List.of(only)) {
            List<DeadLetter> letters = topics.read(topic);
            long open = letters.stream().filter(letter -> letter.replay() == null).count();
            out.printf("%s: %s%n", topic, letters.isEmpty() ? "none"
                    : letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s") + ", " + open + " not replayed");
            for (DeadLetter letter : letters) {
                out.printf("  offset %d  %s  %s%n", letter.offset(), letter.deadLetteredAt(), describe(letter));
                out.printf("      reason: %s: %s%n", letter.reason(), shorten(letter.cause()));
                out.printf("      %s%n", letter.replay() == null ? "not replayed"
                        : "replayed " + letter.replay().at() + " to " + letter.replay().to());
            }
        }
        return 0;
    }

    private int show(DeadLetterTopics topics, String topic, long offset) {
        DeadLetter letter = find(topics.read(topic), topic, offset);
        out.printf("%s offset %d, dead-lettered %s%n", topic, offset, letter.deadLetteredAt());
        out.printf("event:   %s%n", describe(letter));
        out.printf("reason:  %s: %s%n", letter.reason(), letter.cause());
        out.printf("replay:  %s%n", letter.replay() == null ? "not replayed"
                : "replayed " + letter.replay().at() + " to " + letter.replay().to());
        out.println("headers:");
        letter.eventHeaders().forEach(header -> out.printf("  %s: %s%n", header.getKey(),
                new String(header.getValue(), StandardCharsets.UTF_8)));
        out.println("value:");
        out.println(letter.value() == null ? "(none)" : new String(letter.value(), StandardCharsets.UTF_8));
        if (letter.stackTrace() != null) {
            out.println("stack trace:");
            out.println(letter.stackTrace().strip());
        }
        return 0;
    }

    private int replay(DeadLetterTopics topics, Arguments arguments) {
        List<DeadLetter> letters = topics.read(arguments.topic());
        List<DeadLetter> chosen = new ArrayList<>();
        if (arguments.all()) {
            letters.stream().filter(letter -> letter.replay() == null).forEach(chosen::add);
        } else {
            for (long offset : arguments.offsets()) {
                chosen.add(find(letters, arguments.topic(), offset));
            }
        }
        if (chosen.isEmpty()) {
            out.printf("%s: nothing to replay (every dead letter there was replayed, or there is none)%n", arguments.topic());
            return 0;
        }
        int refused = 0;
        List<DeadLetter> toSend = new ArrayList<>();
        for (DeadLetter letter : chosen) {
            if (letter.replay() != null) {
                refused++;
                out.printf("  offset %d was replayed %s to %s already: refused (replay it again only if it was "
                        + "dead-lettered again, as a new record)%n", letter.offset(), letter.replay().at(), letter.replay().to());
            } else {
                toSend.add(letter);
            }
        }
        if (!arguments.confirm()) {
            out.printf("Dry run: %d dead letter%s of %s would be sent back to %s:%n", toSend.size(), toSend.size() == 1 ? "" : "s",
                    arguments.topic(), DeadLetterTopics.sourceOf(arguments.topic()));
            for (DeadLetter letter : toSend) {
                out.printf("  offset %d  %s  (reason: %s: %s)%n", letter.offset(), describe(letter), letter.reason(),
                        shorten(letter.cause()));
            }
            if (!toSend.isEmpty()) {
                out.println("Nothing was sent. Once the cause is fixed, run the same command with --confirm.");
            }
            return refused == 0 ? 0 : 1;
        }
        for (DeadLetter letter : toSend) {
            String to = topics.replay(letter);
            out.printf("  offset %d replayed to %s  %s%n", letter.offset(), to, describe(letter));
        }
        out.printf("Replayed %d dead letter%s of %s%s.%n", toSend.size(), toSend.size() == 1 ? "" : "s", arguments.topic(),
                refused == 0 ? "" : "; refused " + refused);
        return refused == 0 ? 0 : 1;
    }

    private static DeadLetter find(List<DeadLetter> letters, String topic, long offset) {
        return letters.stream().filter(letter -> letter.offset() == offset).findFirst().orElseThrow(
                () -> new IllegalArgumentException("there is no dead letter at offset " + offset + " of " + topic
                        + " (./llmref dlq list " + topic + " shows those there are)"));
    }

    /** key, event type and revision, and where the record was consumed from. */
    private static String describe(DeadLetter letter) {
        StringBuilder text = new StringBuilder();
        text.append("key ").append(letter.key() == null ? "(none)" : new String(letter.key(), StandardCharsets.UTF_8));
        String type = letter.header("event-type");
        text.append("  ").append(type == null ? "(no event-type header)" : type);
        JsonNode event = readable(letter.value());
        if (event != null && event.get("revision") != null && event.get("revision").isNumber()) {
            text.append(" rev ").append(event.get("revision").asLong());
        } else if (event == null) {
            text.append(" (value is not JSON)");
        }
        text.append("  from ").append(letter.sourceTopic());
        if (letter.sourcePartition() >= 0) {
            text.append('-').append(letter.sourcePartition());
            if (letter.sourceOffset() >= 0) {
                text.append('@').append(letter.sourceOffset());
            }
        }
        return text.toString();
    }

    /** The value as JSON, or null when it is not JSON (a poison record, shown as such). */
    private static JsonNode readable(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String shorten(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= CAUSE_WIDTH ? line : line.substring(0, CAUSE_WIDTH) + "...";
    }

    /** The parsed command line. */
    record Arguments(String action, String topic, List<Long> offsets, boolean all, boolean confirm, String bootstrap,
            Duration timeout, boolean help) {

        static Arguments parse(String[] args) {
            List<String> words = new ArrayList<>();
            String bootstrap = "127.0.0.1:9092";
            Duration timeout = Duration.ofSeconds(15);
            boolean all = false;
            boolean confirm = false;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap" -> bootstrap = value(args, ++i, "--bootstrap");
                    case "--timeout" -> timeout = Duration.ofSeconds(positive(value(args, ++i, "--timeout"), "--timeout"));
                    case "--all" -> all = true;
                    case "--confirm" -> confirm = true;
                    case "-h", "--help", "help" -> help = true;
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        words.add(args[i]);
                    }
                }
            }
            if (help || words.isEmpty()) {
                if (!help) {
                    throw new IllegalArgumentException("say what to do: list, show or replay");
                }
                return new Arguments("help", null, List.of(), false, false, bootstrap, timeout, true);
            }
            String action = words.get(0);
            List<String> rest = words.subList(1, words.size());
            return switch (action) {
                case "list" -> {
                    if (rest.size() > 1 || all || confirm) {
                        throw new IllegalArgumentException("list takes at most one dead-letter topic and no --all or --confirm");
                    }
                    yield new Arguments(action, rest.isEmpty() ? null : topic(rest.get(0)), List.of(), false, false, bootstrap,
                            timeout, false);
                }
                case "show" -> {
                    if (rest.size() != 2 || all || confirm) {
                        throw new IllegalArgumentException("show takes a dead-letter topic and one offset");
                    }
                    yield new Arguments(action, topic(rest.get(0)), offsets(rest.get(1)).subList(0, 1), false, false, bootstrap,
                            timeout, false);
                }
                case "replay" -> {
                    if (rest.isEmpty() || rest.size() > 2 || (rest.size() == 2) == all) {
                        throw new IllegalArgumentException("replay takes a dead-letter topic and either offsets (0,3,4) or --all");
                    }
                    yield new Arguments(action, topic(rest.get(0)), all ? List.of() : offsets(rest.get(1)), all, confirm,
                            bootstrap, timeout, false);
                }
                default -> throw new IllegalArgumentException("unknown action '" + action + "' (use list, show or replay)");
            };
        }

        private static String topic(String name) {
            if (!DeadLetterTopics.names().contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a dead-letter topic; they are: "
                        + String.join(", ", DeadLetterTopics.names()));
            }
            return name;
        }

        private static List<Long> offsets(String text) {
            Set<Long> offsets = new LinkedHashSet<>();
            for (String part : text.split(",", -1)) {
                try {
                    long offset = Long.parseLong(part.strip());
                    if (offset < 0) {
                        throw new NumberFormatException();
                    }
                    offsets.add(offset);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + part + "' is not an offset (a whole number, 0 or more; "
                            + "several: 0,3,4)");
                }
            }
            return List.copyOf(offsets);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static long positive(String text, String option) {
            try {
                long value = Long.parseLong(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, with the option's name
            }
            throw new IllegalArgumentException(option + " must be a whole number of seconds above 0, not '" + text + "'");
        }
    }
}
