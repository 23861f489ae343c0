package org.llmreference.page.http;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's connector as page-service serves: a page and its headers leave in one socket write.
 *
 * <p>Tomcat copies what a response writes into a per-connection buffer of {@code socket.appWriteBufSize}
 * bytes (8 KB by default) and writes it to the socket each time it is full: a 33 KB identity page went out
 * in five system calls, each waking the client. With {@link #WRITE_BUFFER} bytes, every gzip page and all
 * but the largest identity pages (up to 96 KB on the full catalog) go out in one, when the response is
 * complete. The buffer is allocated once per connection Tomcat keeps (heap, not direct): 4 MB for 64.
 */
@Configuration(proxyBeanMethods = false)
class ServingConnector {

    /** Bytes of the connection's write buffer: the identity HTML of all but the largest pages and their headers. */
    static final int WRITE_BUFFER = 64 * 1024;

    @Bean
    TomcatConnectorCustomizer onePageOneWrite() {
        return connector -> {
            if (!connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER))) {
                throw new IllegalStateException("Tomcat's connector " + connector.getProtocol()
                        + " does not take socket.appWriteBufSize");
            }
        };
    }
}
