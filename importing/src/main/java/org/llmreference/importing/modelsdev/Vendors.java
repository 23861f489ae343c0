package org.llmreference.importing.modelsdev;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who made a model, from the first of: the {@code models/<lab>} folder, a name-pattern table, the
 * org prefix in provider ids ({@code meta-llama/}), the lab's own API when it is the only provider.
 * Also which providers are a vendor's own API (its "creator routes").
 */
final class Vendors {

    /** {@code models/<lab>} folder → vendor name. */
    private static final Map<String, String> LABS = Map.ofEntries(
            Map.entry("openai", "OpenAI"), Map.entry("alibaba", "Alibaba"), Map.entry("anthropic", "Anthropic"),
            Map.entry("google", "Google"), Map.entry("meta", "Meta"), Map.entry("deepseek", "DeepSeek"),
            Map.entry("mistral", "Mistral"), Map.entry("moonshotai", "Moonshot AI"), Map.entry("nvidia", "NVIDIA"),
            Map.entry("xai", "xAI"), Map.entry("zhipuai", "Zhipu AI"), Map.entry("minimax", "MiniMax"),
            Map.entry("cohere", "Cohere"), Map.entry("perplexity", "Perplexity"), Map.entry("sakana", "Sakana AI"),
            Map.entry("sarvam", "Sarvam AI"), Map.entry("stepfun", "StepFun"), Map.entry("tencent", "Tencent"),
            Map.entry("xiaomi", "Xiaomi"), Map.entry("deepreinforce", "DeepReinforce"));

    /** Name patterns on the match key, checked in order. */
    private static final Map<Pattern, String> NAME_PATTERNS = new LinkedHashMap<>();

    static {
        name("^(gpt|chatgpt|o\\d|codex|davinci|babbage|text-davinci)(-|$)", "OpenAI");
        name("^(qwen|qwq|qvq)(-|$)", "Alibaba");
        name("^claude(-|$)", "Anthropic");
        name("^(gemini|gemma|palm)(-|$)", "Google");
        name("^(llama|codellama)(-|$)", "Meta");
        name("^deepseek(-|$)", "DeepSeek");
        name("^(mistral|mixtral|codestral|pixtral|ministral|magistral|devstral|voxtral)(-|$)", "Mistral");
        name("^kimi(-|$)", "Moonshot AI");
        name("^(glm|chatglm)(-|$)", "Zhipu AI");
        name("^minimax(-|$)", "MiniMax");
        name("^grok(-|$)", "xAI");
        name("^(command|c4ai|aya)(-|$)", "Cohere");
        name("^(nemotron|llama-3-1-nemotron)(-|$)", "NVIDIA");
        name("^phi(-|$)", "Microsoft");
        name("^sonar(-|$)", "Perplexity");
        name("^nova(-|$)", "Amazon");
        name("^ernie(-|$)", "Baidu");
        name("^hunyuan(-|$)", "Tencent");
        name("^mimo(-|$)", "Xiaomi");
        name("^step(-|$)", "StepFun");
        name("^granite(-|$)", "IBM");
        name("^jamba(-|$)", "AI21 Labs");
        name("^(seed|doubao)(-|$)", "ByteDance");
        name("^olmo(-|$)", "Ai2");
        name("^hermes(-|$)", "Nous Research");
    }

    /** Org prefixes in provider ids ({@code meta-llama/Llama-3.3-70B}), lowercase. */
    private static final Map<String, String> ORGS = Map.ofEntries(
            Map.entry("meta-llama", "Meta"), Map.entry("meta", "Meta"), Map.entry("deepseek-ai", "DeepSeek"),
            Map.entry("deepseek", "DeepSeek"), Map.entry("openai", "OpenAI"), Map.entry("qwen", "Alibaba"),
            Map.entry("google", "Google"), Map.entry("mistralai", "Mistral"), Map.entry("anthropic", "Anthropic"),
            Map.entry("moonshotai", "Moonshot AI"), Map.entry("zai-org", "Zhipu AI"), Map.entry("z-ai", "Zhipu AI"),
            Map.entry("thudm", "Zhipu AI"), Map.entry("x-ai", "xAI"), Map.entry("xai", "xAI"),
            Map.entry("microsoft", "Microsoft"), Map.entry("nvidia", "NVIDIA"), Map.entry("minimaxai", "MiniMax"),
            Map.entry("minimax", "MiniMax"), Map.entry("ibm-granite", "IBM"), Map.entry("cohere", "Cohere"),
            Map.entry("amazon", "Amazon"), Map.entry("baidu", "Baidu"), Map.entry("tencent", "Tencent"),
            Map.entry("xiaomimimo", "Xiaomi"), Map.entry("stepfun-ai", "StepFun"), Map.entry("bytedance", "ByteDance"),
            Map.entry("bytedance-seed", "ByteDance"), Map.entry("allenai", "Ai2"), Map.entry("nousresearch", "Nous Research"),
            Map.entry("ai21labs", "AI21 Labs"));

    /** A vendor's own API providers: its routes are the "creator route" for specs and ids. */
    private static final Map<String, List<String>> OWN_PROVIDERS = Map.ofEntries(
            Map.entry("OpenAI", List.of("openai")), Map.entry("Anthropic", List.of("anthropic")),
            Map.entry("Google", List.of("google")), Map.entry("Alibaba", List.of("alibaba", "alibaba-cn")),
            Map.entry("DeepSeek", List.of("deepseek")), Map.entry("Mistral", List.of("mistral")),
            Map.entry("Moonshot AI", List.of("moonshotai", "moonshotai-cn")), Map.entry("xAI", List.of("xai")),
            Map.entry("Zhipu AI", List.of("zhipuai", "zai")), Map.entry("MiniMax", List.of("minimax", "minimax-cn")),
            Map.entry("Cohere", List.of("cohere")), Map.entry("Perplexity", List.of("perplexity")),
            Map.entry("Meta", List.of("llama")), Map.entry("Xiaomi", List.of("xiaomi")),
            Map.entry("StepFun", List.of("stepfun")), Map.entry("Sakana AI", List.of("sakana")),
            Map.entry("Sarvam AI", List.of("sarvam")), Map.entry("Amazon", List.of("amazon-bedrock")));

    private Vendors() {
    }

    private static void name(String regex, String vendor) {
        NAME_PATTERNS.put(Pattern.compile(regex), vendor);
    }

    static String ofLab(String lab) {
        return LABS.getOrDefault(lab, lab);
    }

    static List<String> ownProviders(String vendor) {
        return vendor == null ? List.of() : OWN_PROVIDERS.getOrDefault(vendor, List.of());
    }

    /**
     * @param labs        the {@code models/<lab>} folders of the model's metadata files
     * @param key         the model's match key
     * @param modelIds    the provider model ids ({@code meta-llama/Llama-3.3-70B-Instruct})
     * @param providerIds the providers offering it
     */
    static String detect(Collection<String> labs, String key, Collection<String> modelIds, Set<String> providerIds) {
        Optional<String> lab = labs.stream().sorted().findFirst();
        if (lab.isPresent()) {
            return ofLab(lab.get());
        }
        for (Map.Entry<Pattern, String> pattern : NAME_PATTERNS.entrySet()) {
            if (pattern.getKey().matcher(key).find()) {
                return pattern.getValue();
            }
        }
        for (String modelId : modelIds.stream().sorted().toList()) {
            String[] segments = modelId.toLowerCase().split("/");
            for (int i = 0; i < segments.length - 1; i++) {
                String vendor = ORGS.get(segments[i]);
                if (vendor != null) {
                    return vendor;
                }
            }
        }
        if (providerIds.size() == 1) {
            String only = providerIds.iterator().next();
            for (Map.Entry<String, List<String>> own : OWN_PROVIDERS.entrySet()) {
                if (own.getValue().contains(only)) {
                    return own.getKey();
                }
            }
        }
        return null;
    }
}
