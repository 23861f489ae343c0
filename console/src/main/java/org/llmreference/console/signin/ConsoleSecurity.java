package org.llmreference.console.signin;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may see what: the sign-in screen, the stylesheet, htmx and the health probes are open; every
 * other screen needs a signed-in account, accounts need the admin role, and every change (a form
 * posted anywhere but sign-out) needs the editor or admin role: the ops role reads only. Form sign-in against the
 * sessions API, Spring Security's CSRF token on every form, sign-out revokes the session token. Every
 * answer carries the public pages' Content-Security-Policy and security headers.
 */
@Configuration
@EnableWebSecurity
class ConsoleSecurity {

    /** The public pages' policy (page-service): scripts and styles from this origin only, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SIGN_IN = "/console/sign-in";

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SessionsAuthentication sessions, SignOut signOut,
            Forbidden forbidden)
            throws Exception {
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?error");
        http.authenticationProvider(sessions)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(SIGN_IN, "/console/static/**", "/console/webjars/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/console/accounts", "/console/accounts/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/console/sign-out").authenticated()
                        .requestMatchers(HttpMethod.POST, "/console/**").hasAnyRole("EDITOR", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .defaultSuccessUrl("/console/models", false).failureHandler(failed).permitAll())
                .logout(logout -> logout.logoutUrl("/console/sign-out").addLogoutHandler(signOut)
                        .logoutSuccessUrl(SIGN_IN + "?signed-out").deleteCookies("LLMREF_CONSOLE"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ConsoleSecurity::toSignIn)
                        .accessDeniedHandler(forbidden))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * Where a request without a signed-in editor goes: the sign-in screen, saying the session ended
     * when the browser sent a session cookie that is no longer valid (timed out or signed out).
     */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException reason) throws IOException {
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        response.sendRedirect(SIGN_IN + (ended ? "?expired" : ""));
    }
}
