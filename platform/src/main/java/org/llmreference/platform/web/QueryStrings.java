package org.llmreference.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query string that is not valid percent-encoded UTF-8 ({@code ?q=%ff}, {@code ?%ff=1},
 * {@code ?q=%zz}) with a 400 problem before anything reads a parameter: Tomcat's parameter parser
 * would otherwise throw from whatever asked first, and the request would end as a 500.
 */
final class QueryStrings extends OncePerRequestFilter {

    private final ProblemWriter problems;

    QueryStrings(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request.getQueryString());
        if (problem != null) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", "query: " + problem,
                    List.of(new FieldViolation("query", "percent-encoding", problem)));
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    /** What is wrong with the percent-encoding of {@code query}, or {@code null} when nothing is. */
    static String problem(String query) {
        if (query == null) {
            return null;
        }
        int i = 0;
        while (i < query.length()) {
            if (query.charAt(i) != '%') {
                i++;
                continue;
            }
            int start = i;
            ByteBuffer bytes = ByteBuffer.allocate(query.length());
            while (i < query.length() && query.charAt(i) == '%') {
                int high = i + 2 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
                int low = i + 2 < query.length() ? Character.digit(query.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return "'" + cut(query.substring(i)) + "' is not a percent-encoded byte (%XX with two hex digits)";
                }
                bytes.put((byte) (high * 16 + low));
                i += 3;
            }
            bytes.flip();
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            } catch (CharacterCodingException e) {
                return "'" + cut(query.substring(start, i)) + "' does not encode UTF-8 text";
            }
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "...";
    }
}
