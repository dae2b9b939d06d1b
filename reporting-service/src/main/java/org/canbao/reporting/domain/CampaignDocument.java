package org.canbao.reporting.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/campaigns/{year}}: {@code units} is the allocation table, as CSV text or as
 * objects with its columns; a {@code text/csv} body is the table alone.
 */
public record CampaignDocument(JsonNode units, List<Checkpoint> checkpoints, JsonNode awards, JsonNode incentives) {
    public record Checkpoint(String cutoff, BigDecimal requiredRatio) {
    }
}
