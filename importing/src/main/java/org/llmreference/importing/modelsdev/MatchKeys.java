package org.llmreference.importing.modelsdev;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a provider's (or a lab's) model id to a match key, so that one model offered under many
 * spellings lands on one key: {@code us.anthropic.claude-sonnet-4-5-20250929-v1:0},
 * {@code claude-sonnet-4-5@20250929} and {@code claude-sonnet-4-5} all give {@code claude-sonnet-4-5}
 * (with snapshot date {@code 20250929} split off). The steps run in the order of catalog.README.md;
 * what a step removes that tells routes apart (free, region, tee, tiers) is kept as a tag.
 */
final class MatchKeys {

    /**
     * A normalised id.
     *
     * @param base the key without snapshot date
     * @param date the trailing snapshot date, digits only ({@code 20250929}, {@code 0520}), or null
     * @param tags what was stripped that makes the route a variant: {@code free}, {@code region:eu}, ...
     */
    record Key(String base, String date, Set<String> tags) {

        String withDate() {
            return date == null ? base : base + "-" + date;
        }
    }

    private static final Pattern BEDROCK = Pattern.compile(
            "^(?:(us|eu|apac|au|jp|ca|global|us-gov|apne\\d?)\\.)?"
                    + "(amazon|anthropic|openai|meta|mistral|cohere|ai21|writer|twelvelabs|nvidia|minimax|moonshot|moonshotai"
                    + "|qwen|google|zai|deepseek|stability)\\.(.+)$");
    private static final Pattern BEDROCK_VERSION = Pattern.compile("-v?\\d+:\\d+$");
    private static final Pattern SIZE_TAG = Pattern.compile(":(\\d+(?:\\.\\d+)?[bm])$");
    private static final Pattern COLON_TAG = Pattern.compile(":([a-z0-9-]+)$");
    private static final Pattern SEPARATORS = Pattern.compile("[._\\s]+");
    private static final Pattern FIREWORKS_VERSION = Pattern.compile("(k\\d)p(\\d)");
    private static final List<String> VENDOR_PREFIXES = List.of("openai-", "databricks-", "meta-", "z-ai-", "umans-",
            "deepseek-ai-", "mistralai-", "moonshotai-", "x-ai-", "xai-", "anthropic-", "google-", "qwen-qwen",
            "zai-org-", "minimaxai-", "thudm-", "microsoft-", "ibm-granite-", "nousresearch-", "allenai-");
    private static final Pattern STEM_DIGIT = Pattern.compile(
            "(^|-)(qwen|qwq|llama|gemma|phi|glm|mistral|mixtral|granite|olmo|falcon|internlm|ernie|hunyuan|minimax|codellama)(\\d)");
    private static final Pattern CLAUDE_ORDER = Pattern.compile("^claude-(\\d+(?:-\\d)?)-(opus|sonnet|haiku)(?=-|$)");
    private static final Set<String> DROPPED_TOKENS = Set.of("instruct", "fp8", "fp4", "fp16", "bf16", "nvfp4", "mxfp4",
            "int4", "int8", "awq", "gptq", "mlx", "gguf", "3bit", "4bit", "6bit", "8bit", "tee");
    private static final Pattern QUANT_GGUF = Pattern.compile("(^|-)q\\d(-k)?(-[msl])?(?=-|$)");
    private static final List<String> TRAILING = List.of("-it", "-latest", "-free", "-v1", "-0");
    /** Words that are a serving option at these providers only (elsewhere they name a different model). */
    private static final Map<String, Set<String>> PROVIDER_TIERS = Map.of(
            "nebius", Set.of("fast"),
            "groq", Set.of("versatile"),
            "togetherai", Set.of("turbo"),
            "deepinfra", Set.of("turbo"),
            "nano-gpt", Set.of("original", "cheaper"),
            "google-vertex", Set.of("maas"),
            "neuralwatt", Set.of("flex"));
    private static final Pattern SNAPSHOT = Pattern.compile("^(.+?)[-@](\\d{8}|\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2})$");

    private MatchKeys() {
    }

    /** The key of a provider's model id ({@code providerId} decides the tier words), or of a lab's id when it is null. */
    static Key of(String providerId, String modelId) {
        Set<String> tags = new TreeSet<>();
        String[] segments = modelId.split("/");
        if (Arrays.stream(segments).anyMatch(s -> s.equalsIgnoreCase("tee"))) {
            tags.add("tee");
        }
        // 1. last path segment, lowercase
        String key = segments[segments.length - 1].toLowerCase(Locale.ROOT);
        // 1b. Bedrock region.vendor. prefixes and -v1:0 suffixes
        Matcher bedrock = BEDROCK.matcher(key);
        if (bedrock.matches()) {
            if (bedrock.group(1) != null) {
                tags.add("region:" + bedrock.group(1));
            }
            key = bedrock.group(2).equals("deepseek") ? "deepseek-" + bedrock.group(3) : bedrock.group(3);
        }
        key = BEDROCK_VERSION.matcher(key).replaceFirst("");
        // 2. :free, :thinking, @default become tags; Ollama :20b becomes -20b
        if (key.endsWith("@default")) {
            key = key.substring(0, key.length() - "@default".length());
        }
        key = SIZE_TAG.matcher(key).replaceFirst("-$1");
        Matcher colon = COLON_TAG.matcher(key);
        if (colon.find()) {
            tags.add(colon.group(1));
            key = key.substring(0, colon.start());
        }
        // 3. '.', '_' and spaces become '-'; Fireworks k2p6 becomes k2-6
        key = SEPARATORS.matcher(key).replaceAll("-");
        key = FIREWORKS_VERSION.matcher(key).replaceAll("$1-$2");
        // 4. vendor and provider prefixes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String prefix : VENDOR_PREFIXES) {
                if (key.startsWith(prefix) && key.length() > prefix.length()) {
                    key = prefix.equals("qwen-qwen") ? key.substring("qwen-".length()) : key.substring(prefix.length());
                    changed = true;
                }
            }
        }
        // SAP's anthropic--claude-... leaves a dash behind its prefix
        key = key.replaceFirst("^-+", "");
        // 5. qwen3 -> qwen-3, llama3 -> llama-3
        key = STEM_DIGIT.matcher(key).replaceAll("$1$2-$3");
        // 6. Claude names in one order: claude-3-5-sonnet -> claude-sonnet-3-5
        key = CLAUDE_ORDER.matcher(key).replaceFirst("claude-$2-$1");
        // 7. instruct, quantisation tokens, tee; trailing -it, -latest, -free, -v1, -0
        List<String> tokens = new ArrayList<>();
        Set<String> tiers = providerId == null ? Set.of() : PROVIDER_TIERS.getOrDefault(providerId, Set.of());
        for (String token : key.split("-")) {
            if (token.isEmpty()) {
                continue;
            }
            if (DROPPED_TOKENS.contains(token)) {
                if (!token.equals("instruct")) {
                    tags.add(token.equals("tee") ? "tee" : "quant:" + token);
                }
            } else if (tiers.contains(token)) {
                // 8. tier words that are a serving option at this provider
                tags.add(token);
            } else {
                tokens.add(token);
            }
        }
        key = String.join("-", tokens);
        Matcher gguf = QUANT_GGUF.matcher(key);
        if (gguf.find()) {
            tags.add("quant:gguf");
            key = gguf.replaceAll("");
        }
        changed = true;
        while (changed) {
            changed = false;
            for (String suffix : TRAILING) {
                if (key.endsWith(suffix) && key.length() > suffix.length()) {
                    key = key.substring(0, key.length() - suffix.length());
                    if (suffix.equals("-free")) {
                        tags.add("free");
                    }
                    changed = true;
                }
            }
        }
        // snapshot date, split off here; whether it is dropped is decided over the whole data set
        Matcher snapshot = SNAPSHOT.matcher(key);
        if (snapshot.matches() && isDate(snapshot.group(2).replace("-", ""))) {
            return new Key(snapshot.group(1), snapshot.group(2).replace("-", ""), tags);
        }
        return new Key(key, null, tags);
    }

    /** {@code 20250929}, or {@code 0520} (month and day only). */
    private static boolean isDate(String digits) {
        String monthDay = digits.substring(digits.length() - 4);
        int month = Integer.parseInt(monthDay.substring(0, 2));
        int day = Integer.parseInt(monthDay.substring(2));
        boolean yearOk = digits.length() == 4 || (digits.startsWith("20") && digits.length() == 8);
        return yearOk && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
}
