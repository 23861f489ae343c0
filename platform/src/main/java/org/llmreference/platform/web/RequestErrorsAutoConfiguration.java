package org.llmreference.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every malformed request gets a problem document with the security headers, wherever it is
 * refused: a query string that is not percent-encoded UTF-8 ({@link QueryStrings}), a bad
 * {@value EditReason#HEADER} header ({@link ReasonHeader}), a path Spring
 * Security's firewall rejects ({@link RejectedRequests}), a request Tomcat refuses itself
 * ({@link ProblemReportValve}) and anything that reaches the container's error page
 * ({@link ProblemErrorController}, in place of Spring Boot's).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestErrorsAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    FilterRegistrationBean<QueryStrings> queryStrings(ProblemWriter problems) {
        FilterRegistrationBean<QueryStrings> registration = new FilterRegistrationBean<>(new QueryStrings(problems));
        // Inside the HTTP observation (highest precedence + 1), ahead of everything that reads a parameter.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ReasonHeader> reasonHeader(ProblemWriter problems) {
        FilterRegistrationBean<ReasonHeader> registration = new FilterRegistrationBean<>(new ReasonHeader(problems));
        // Before anything is changed: a bad reason refuses the whole request.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    RequestRejectedHandler rejectedRequests(ProblemWriter problems) {
        return new RejectedRequests(problems);
    }

    @Bean
    ProblemErrorController problemErrorController(ProblemWriter problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    TomcatProblemReports tomcatProblemReports(ProblemWriter problems) {
        return new TomcatProblemReports(problems);
    }

    /**
     * Replaces the host's error report valve (Spring Boot adds one without the report) with ours.
     * Runs last, so that valve is already there to replace.
     */
    static final class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ProblemWriter problems;

        TomcatProblemReports(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    // The host adds a valve of this class at start unless one is there.
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProblemReportValve(problems));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
