package org.llmreference.page.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.llmreference.contracts.Topics;
import org.llmreference.page.PageSettings;
import org.llmreference.page.audit.ConsistencyReport.BacklogSection;
import org.llmreference.page.audit.ConsistencyReport.Incomplete;
import org.llmreference.page.audit.ConsistencyReport.PageSection;
import org.llmreference.page.audit.ConsistencyReport.PendingComparison;
import org.llmreference.page.audit.ConsistencyReport.PendingSourceChange;
import org.llmreference.page.audit.KafkaBacklog.Backlog;
import org.llmreference.page.audit.KafkaBacklog.Subscription;
import org.llmreference.page.comparisons.ComparisonRevision;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.pages.PageIndex;
import org.llmreference.platform.web.ProblemHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.http.MediaType;

import com.mongodb.MongoException;

/**
 * {@code GET /actuator/consistency}, for ops (the ops token, like every actuator endpoint but
 * health and prometheus): is everything editors changed on the pages yet, and if not, what is
 * still on its way and for how long. Three sections, each with a count, the age of its oldest item
 * and the items (at most {@code llmref.page.audit.max-items}, oldest first):
 * <ol>
 * <li>{@code comparisonsBehindSources}: records on {@code catalog.models.v1} and
 * {@code pricing.routes.v1} that comparison-service's group has not consumed, i.e. edits whose
 * comparisons are not recomputed yet;</li>
 * <li>{@code comparisonEventsNotApplied}: records on {@code comparison.pages.v1} that page-service's
 * group has not consumed;</li>
 * <li>{@code pagesBehindComparisons}: pages served (the {@link PageIndex} of every page) that do not
 * show the comparison page-service stored for their pair ({@link PagesBehind}).</li>
 * </ol>
 * They are checked in that order, upstream first, so a change moving down the chain during the
 * audit is seen at least once (perhaps twice) rather than slipping between two checks.
 *
 * <p>Being a lag report and not a health check, it reads; it never repairs. A dead-lettered event
 * counts as consumed (its consumer has moved on): if it left a page behind, section 3 shows that
 * page. When Kafka or MongoDB cannot be asked, the answer is 503, an RFC 9457 problem naming what
 * could not be checked and why, with the sections that could; each Kafka call waits at most
 * {@code llmref.page.audit.kafka-timeout} (5 s).
 */
@WebEndpoint(id = "consistency")
class ConsistencyEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyEndpoint.class);

    private final Supplier<List<ComparisonRevision>> comparisons;
    private final Supplier<List<IndexedPage>> pages;
    private final KafkaBacklog kafka;
    private final PageSettings.Audit settings;
    private final Clock clock;
    private final String path;

    /**
     * @param comparisons the revisions of page-service's stored comparisons ({@link Comparisons#revisions()})
     * @param pages       every page it serves, without the bytes ({@link PageIndex#all()})
     * @param path        where the endpoint answers, the {@code instance} of its problems
     */
    ConsistencyEndpoint(Supplier<List<ComparisonRevision>> comparisons, Supplier<List<IndexedPage>> pages,
            KafkaBacklog kafka, PageSettings.Audit settings, Clock clock, String path) {
        this.comparisons = comparisons;
        this.pages = pages;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
        this.path = path;
    }

    @ReadOperation
    WebEndpointResponse<Object> check() {
        Instant checkedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> failures = new ArrayList<>();
        BacklogSection<PendingSourceChange> sourceEvents = null;
        BacklogSection<PendingComparison> comparisonEvents = null;
        try {
            List<Backlog> backlogs = kafka.backlogs(List.of(
                    new Subscription(settings.comparisonGroup(), List.of(Topics.CATALOG_MODELS, Topics.PRICING_ROUTES)),
                    new Subscription(settings.pageGroup(), List.of(Topics.COMPARISON_PAGES))));
            sourceEvents = BacklogSection.of(backlogs.get(0), record -> PendingSourceChange.of(record, checkedAt),
                    PendingSourceChange::ageSeconds);
            comparisonEvents = BacklogSection.of(backlogs.get(1), record -> PendingComparison.of(record, checkedAt),
                    PendingComparison::ageSeconds);
        } catch (KafkaUnavailable e) {
            log.warn("Consistency audit without the consumer groups' backlogs: {}", e.getMessage());
            log.debug("Kafka failure behind the incomplete audit", e);
            failures.add("the consumer groups' backlogs (comparisonEventsNotApplied, comparisonsBehindSources) could not "
                    + "be checked: " + e.getMessage());
        }
        PageSection pageSection = null;
        try {
            List<ComparisonRevision> stored = comparisons.get();
            List<IndexedPage> rendered = pages.get();
            pageSection = PageSection.of(PagesBehind.find(stored, rendered, checkedAt), settings.maxItems());
        } catch (MongoException e) {
            log.warn("Consistency audit without the pages: {}", e.toString());
            log.debug("MongoDB failure behind the incomplete audit", e);
            failures.add("the pages (pagesBehindComparisons) could not be checked: MongoDB did not answer ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (failures.isEmpty()) {
            return new WebEndpointResponse<>(ConsistencyReport.of(checkedAt, pageSection, comparisonEvents, sourceEvents));
        }
        boolean kafkaDown = sourceEvents == null;
        boolean mongoDown = pageSection == null;
        String type = kafkaDown && mongoDown ? "audit-unavailable" : kafkaDown ? "kafka-unavailable" : "storage-unavailable";
        String title = kafkaDown && mongoDown ? "Kafka and MongoDB unavailable"
                : kafkaDown ? "Kafka unavailable" : "Storage unavailable";
        String detail = "The consistency audit is incomplete: " + String.join("; ", failures)
                + (kafkaDown && mongoDown ? "." : ". The sections that could be checked are included.") + " Retry shortly.";
        Incomplete problem = new Incomplete(ProblemHandling.TYPE_BASE + type, title,
                WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, detail, path, checkedAt, pageSection, comparisonEvents,
                sourceEvents);
        return new WebEndpointResponse<>(problem, WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE,
                MediaType.APPLICATION_PROBLEM_JSON);
    }
}
