package org.llmreference.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits, under {@code llmref.web}.
 *
 * @param maxBodySize       the largest request body an editor endpoint accepts
 * @param maxImportBodySize the largest body {@code /api/import} accepts
 */
@ConfigurationProperties("llmref.web")
public record WebSettings(DataSize maxBodySize, DataSize maxImportBodySize) {

    public WebSettings {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        maxImportBodySize = maxImportBodySize == null ? DataSize.ofMegabytes(16) : maxImportBodySize;
    }
}
