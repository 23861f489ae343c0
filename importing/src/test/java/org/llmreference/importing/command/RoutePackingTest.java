package org.llmreference.importing.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.importing.demo.DemoCatalog;

class RoutePackingTest {

    final List<RouteEntry> routes = DemoCatalog.load().routes();

    @Test
    void packsWholeModelsInTheirOrderAtMostChunkRoutesPerRequestUnlessOneModelHasMore() {
        List<List<RouteEntry>> requests = RoutePacking.requests(routes, 3);

        assertThat(requests.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(routes);
        Map<String, Long> routesPerModel = routes.stream().collect(Collectors.groupingBy(RouteEntry::modelId, Collectors.counting()));
        assertThat(routesPerModel.values()).as("the demo has a model with more routes than a request holds")
                .anyMatch(count -> count > 3);
        for (List<RouteEntry> request : requests) {
            List<String> models = request.stream().map(RouteEntry::modelId).distinct().toList();
            assertThat(request.size() <= 3 || models.size() == 1).as("at most 3 routes, or one model: %s", models).isTrue();
            for (String model : models) {
                assertThat(request.stream().filter(route -> route.modelId().equals(model)).count())
                        .as("all routes of %s in one request", model).isEqualTo(routesPerModel.get(model));
            }
        }
    }

    @Test
    void routesFewerThanAChunkGoInOneRequest() {
        List<List<RouteEntry>> requests = RoutePacking.requests(routes, 1_000);

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).containsExactlyElementsOf(routes);
    }

    @Test
    void noRoutesMakeNoRequest() {
        assertThat(RoutePacking.requests(List.of(), 10)).isEmpty();
    }
}
