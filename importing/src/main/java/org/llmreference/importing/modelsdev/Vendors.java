package org.llmreference.importing.modelsdev;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who made a model, from the first rule that answers (the vendor rules of importing/README.md):
 * <ol>
 * <li>the {@code models/<lab>} folder of its metadata file, else the lab of a {@code base_model} its
 * provider files claim;</li>
 * <li>a name-pattern table on the match key (without a host's prefix such as {@code azure-});</li>
 * <li>a known org folder in provider ids ({@code meta-llama/}, {@code sao10k/});</li>
 * <li>the name-pattern table on the files' {@code family} and display names;</li>
 * <li>any other org folder: the provider of that id when one exists ({@code morph/} is Morph), else
 * the org as written;</li>
 * <li>the creator's own provider when it is the only one: a lab's API ({@code mistral}), a provider
 * whose id other providers use as an org folder ({@code upstage}), or a provider whose id begins the
 * model's ({@code lucidquery} offering {@code lucidquery-nexus-coder}).</li>
 * </ol>
 * Also which providers are a vendor's own API (its "creator routes"): the table below, plus every
 * provider whose id is an org folder that names the vendor.
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
        name("^(gemini|gemma|medgemma|palm|learnlm)(-|$)", "Google");
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
        name("(^|-)(opus|sonnet|haiku)-\\d", "Anthropic");
        name("^(solar)(-|$)", "Upstage");
        name("^mercury(-|$)", "Inception");
        name("^morph(-|$)", "Morph");
        name("^voyage(-|$)", "Voyage AI");
        name("^yi(-|$)", "01.AI");
        name("^(ai21|jamba)(-|$)", "AI21 Labs");
        name("^(lfm|liquid)(-|$)", "Liquid AI");
        name("^baichuan", "Baichuan");
        name("^(ling|ring)(-|$)", "inclusionAI");
        name("^longcat(-|$)", "Meituan");
        name("^cogito(-|$)", "Deep Cogito");
        name("^(trinity|virtuoso|spotlight|maestro|coder-large|arcee)(-|$)", "Arcee AI");
        name("^inflection(-|$)", "Inflection AI");
        name("^kat-coder(-|$)", "Kuaishou");
        name("^palmyra(-|$)", "Writer");
        name("^reka(-|$)", "Reka");
        name("^aion(-|$)", "AionLabs");
        name("^intellect(-|$)", "Prime Intellect");
        name("(^|-)(euryale|lunaris|stheno|hanami)(-|$)", "Sao10K");
        name("^(cydonia|rocinante|skyfall|anubis|unslopnemo|magidonia)(-|$)", "TheDrummer");
        name("^mythomax(-|$)", "Gryphe");
        name("^exa(-|$)", "Exa");
        name("^venice(-|$)", "Venice");
        name("^dolphin(-|$)", "Cognitive Computations");
        name("^(bge|baai)(-|$)", "BAAI");
        name("^(e5|multilingual-e5)(-|$)", "Microsoft");
        name("^compound(-|$)", "Groq");
        name("^(v0)(-|$)", "Vercel");
        name("^sarvam(-|$)", "Sarvam AI");
        name("^(laguna|malibu)(-|$)", "Poolside");
        name("^mistral-nemo|^nemo(-|$)", "Mistral");
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
            Map.entry("ai21labs", "AI21 Labs"), Map.entry("ai21-labs", "AI21 Labs"), Map.entry("ai21", "AI21 Labs"),
            Map.entry("sao10k", "Sao10K"), Map.entry("thedrummer", "TheDrummer"), Map.entry("arcee-ai", "Arcee AI"),
            Map.entry("arcee_ai", "Arcee AI"), Map.entry("aion-labs", "AionLabs"), Map.entry("inclusionai", "inclusionAI"),
            Map.entry("voyage", "Voyage AI"), Map.entry("liquid", "Liquid AI"), Map.entry("liquidai", "Liquid AI"),
            Map.entry("inflection", "Inflection AI"), Map.entry("kwaipilot", "Kuaishou"), Map.entry("kuaishou", "Kuaishou"),
            Map.entry("meituan", "Meituan"), Map.entry("deepcogito", "Deep Cogito"), Map.entry("rekaai", "Reka"),
            Map.entry("primeintellect", "Prime Intellect"), Map.entry("prime-intellect", "Prime Intellect"),
            Map.entry("gryphe", "Gryphe"), Map.entry("baai", "BAAI"), Map.entry("intfloat", "Microsoft"),
            Map.entry("cognitivecomputations", "Cognitive Computations"), Map.entry("writer", "Writer"),
            Map.entry("mistral-ai", "Mistral"), Map.entry("volcengine", "ByteDance"), Map.entry("sarvamai", "Sarvam AI"),
            Map.entry("zhipuai", "Zhipu AI"), Map.entry("zai", "Zhipu AI"), Map.entry("stepfun", "StepFun"),
            Map.entry("baichuan", "Baichuan"), Map.entry("alibaba", "Alibaba"), Map.entry("alibaba-nlp", "Alibaba"),
            Map.entry("tongyi-zhiwen", "Alibaba"), Map.entry("salesforce", "Salesforce"), Map.entry("perplexity", "Perplexity"),
            Map.entry("mistral", "Mistral"), Map.entry("moonshot", "Moonshot AI"), Map.entry("kimi", "Moonshot AI"),
            Map.entry("paddlepaddle", "Baidu"), Map.entry("steelskull", "SteelSkull"));

    /** Folders in provider ids that are no org: a host's own paths ({@code accounts/fireworks/models}), tiers, placeholders. */
    private static final Set<String> NOT_ORGS = Set.of("accounts", "models", "routers", "tee", "route", "pro", "public",
            "stealth", "@cf", "workers-ai", "hf", "fal-ai", "nanogpt", "kilo-auto");

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

    /** Host prefixes some providers put before another maker's model id: {@code azure-gpt-4o}, {@code alicloud-glm-5.1}. */
    static final List<String> HOST_PREFIXES = List.of("azure", "alicloud", "alibaba", "aws", "deep", "coding", "labs",
            "open", "duo-chat", "cohere", "anthropic", "zai", "arcee", "aion-labs", "ai21", "cf", "hf");

    /** Provider id → vendor, for providers that are a vendor's own API: the table, plus providers used as org folders. */
    private final Map<String, String> creatorProviders = new LinkedHashMap<>();
    private final Map<String, String> providerNames;

    /**
     * @param providerNames every provider id with its display name
     * @param orgFolders    the org folders used in provider ids, lowercase ({@code morph} of {@code openrouter/morph/morph-v3-large})
     */
    Vendors(Map<String, String> providerNames, Set<String> orgFolders) {
        this.providerNames = providerNames;
        OWN_PROVIDERS.forEach((vendor, providers) -> providers.forEach(p -> creatorProviders.put(p, vendor)));
        for (String provider : new TreeSet<>(providerNames.keySet())) {
            if (!creatorProviders.containsKey(provider) && orgFolders.contains(provider)) {
                creatorProviders.put(provider, orgVendor(provider, provider));
            }
        }
    }

    private static void name(String regex, String vendor) {
        NAME_PATTERNS.put(Pattern.compile(regex), vendor);
    }

    static String ofLab(String lab) {
        return LABS.getOrDefault(lab, lab);
    }

    /** The providers that are the vendor's own API, in the table's order, then the ones found in the data. */
    List<String> ownProviders(String vendor) {
        if (vendor == null) {
            return List.of();
        }
        List<String> own = new ArrayList<>(OWN_PROVIDERS.getOrDefault(vendor, List.of()));
        creatorProviders.forEach((provider, v) -> {
            if (v.equals(vendor) && !own.contains(provider)) {
                own.add(provider);
            }
        });
        return own;
    }

    /** What a model's files say about its maker. */
    record Evidence(Collection<String> labs, Collection<String> baseModelLabs, String key, Collection<String> families,
            Collection<String> names, Collection<String> modelIds, Set<String> providerIds) {
    }

    String detect(Evidence e) {
        Optional<String> lab = e.labs().stream().sorted().findFirst()
                .or(() -> e.baseModelLabs().stream().sorted().findFirst());
        if (lab.isPresent()) {
            return ofLab(lab.get());
        }
        String byName = byName(withoutHostPrefix(e.key()));
        if (byName != null) {
            return byName;
        }
        String knownOrg = byKnownOrgFolder(e.modelIds());
        if (knownOrg != null) {
            return knownOrg;
        }
        for (String text : concat(e.families(), e.names())) {
            byName = byName(withoutHostPrefix(MatchKeys.of(null, text.toLowerCase(Locale.ROOT).replace(' ', '-')).base()));
            if (byName != null) {
                return byName;
            }
        }
        String byOrg = byOrgFolder(e.modelIds());
        if (byOrg != null) {
            return byOrg;
        }
        if (e.providerIds().size() == 1) {
            String only = e.providerIds().iterator().next();
            if (creatorProviders.containsKey(only)) {
                return creatorProviders.get(only);
            }
            if ((e.key() + "-").startsWith(only + "-") && providerNames.containsKey(only)) {
                return providerNames.get(only);
            }
        }
        return null;
    }

    /** {@code azure-gpt-4o} → {@code gpt-4o}; a key without a host prefix unchanged. */
    static String withoutHostPrefix(String key) {
        for (String prefix : HOST_PREFIXES) {
            if (key.startsWith(prefix + "-") && key.length() > prefix.length() + 1) {
                return key.substring(prefix.length() + 1);
            }
        }
        return key;
    }

    private static String byName(String key) {
        for (Map.Entry<Pattern, String> pattern : NAME_PATTERNS.entrySet()) {
            if (pattern.getKey().matcher(key).find()) {
                return pattern.getValue();
            }
        }
        return null;
    }

    /** The vendor of a known org folder in the provider ids ({@code meta-llama/}). */
    private static String byKnownOrgFolder(Collection<String> modelIds) {
        for (String modelId : modelIds.stream().sorted().toList()) {
            String[] segments = modelId.split("/");
            for (int i = 0; i < segments.length - 1; i++) {
                String known = ORGS.get(orgOf(segments[i]));
                if (known != null) {
                    return known;
                }
            }
        }
        return null;
    }

    /** The vendor another org folder names: the provider of that id, else the org as written. */
    private String byOrgFolder(Collection<String> modelIds) {
        for (String modelId : modelIds.stream().sorted().toList()) {
            String[] segments = modelId.split("/");
            if (segments.length > 1 && !NOT_ORGS.contains(orgOf(segments[0])) && !orgOf(segments[0]).isEmpty()) {
                return orgVendor(orgOf(segments[0]), segments[0].replaceFirst("^(hf:|~)", ""));
            }
        }
        return null;
    }

    /** {@code hf:zai-org} and {@code ~anthropic} name the orgs {@code zai-org} and {@code anthropic}. */
    static String orgOf(String folder) {
        return folder.toLowerCase(Locale.ROOT).replaceFirst("^(hf:|~)", "");
    }

    private String orgVendor(String org, String asWritten) {
        String known = ORGS.get(org);
        if (known != null) {
            return known;
        }
        String provider = providerNames.get(org);
        if (provider != null) {
            return provider;
        }
        return asWritten.equals(org) ? Character.toUpperCase(org.charAt(0)) + org.substring(1) : asWritten;
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(new TreeSet<>(a));
        all.addAll(new TreeSet<>(b));
        return all;
    }
}
