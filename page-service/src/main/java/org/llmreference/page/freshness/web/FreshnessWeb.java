package org.llmreference.page.freshness.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bson.Document;
import org.llmreference.page.freshness.Freshness;
import org.llmreference.platform.health.KafkaHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Probes Kafka and MongoDB every {@link #INTERVAL_SECONDS} seconds for {@link Freshness}, and stamps
 * every answer with its header while one is away (the comparison page fast path stamps its own).
 */
@Configuration(proxyBeanMethods = false)
class FreshnessWeb {

    static final long INTERVAL_SECONDS = 2;

    @Bean
    Freshness freshness(KafkaHealthIndicator kafka, MongoDatabase database, MeterRegistry meters) {
        BooleanSupplier kafkaAnswers = () -> Status.UP.equals(kafka.health().getStatus());
        BooleanSupplier mongoAnswers = () -> {
            database.runCommand(new Document("ping", 1));
            return true;
        };
        return new Freshness(Map.of("kafka", kafkaAnswers, "mongodb", mongoAnswers), Clock.systemUTC(), meters);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService freshnessChecks(Freshness freshness) {
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "freshness-check");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(freshness::check, 0, INTERVAL_SECONDS, TimeUnit.SECONDS);
        return checks;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> staleHeader(Freshness freshness) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                StaleHeader.stamp(freshness, response);
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
