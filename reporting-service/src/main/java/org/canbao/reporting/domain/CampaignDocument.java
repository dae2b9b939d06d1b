package org.canbao.reporting.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/campaigns/{year}}: {@code units} is the allocation table, as CSV text or as
 * objects with its columns; a {@code text/csv} body is the table alone. The rest are the campaign's rules: dated
 * checkpoints (with or without a required ratio), recurring bulletins, how many of the last-ranked units are flagged,
 * the hardship floor, the exclusions that reduce (核减) a unit's target, the deployment's tax offices, awards and
 * incentives. Absent rules take Pingjiang's behaviour (see {@link CampaignRules}).
 */
public record CampaignDocument(JsonNode units, List<Checkpoint> checkpoints, List<Bulletin> bulletins, Integer bottomN,
                               HardshipFloor hardshipFloor, TargetReductions targetReductions, List<String> taxOffices,
                               JsonNode awards, JsonNode incentives, Integer bottomInARow) {

    public CampaignDocument(JsonNode units, List<Checkpoint> checkpoints, JsonNode awards, JsonNode incentives) {
        this(units, checkpoints, null, null, null, null, null, awards, incentives, null);
    }

    /**
     * A dated cut-off; {@code requiredRatio} null is a bulletin that ranks without a requirement. {@code ratioOf}
     * says what the ratio is a share of: {@code target} (the default) or {@code eligible}, the table's eligible
     * population (Aikou's "95% of the task" where the task is already 95 % of the eligible).
     */
    public record Checkpoint(String cutoff, BigDecimal requiredRatio, String ratioOf) {
        public Checkpoint(String cutoff, BigDecimal requiredRatio) {
            this(cutoff, requiredRatio, null);
        }

        public boolean ofEligible() {
            return "eligible".equals(ratioOf);
        }
    }

    /**
     * A recurring bulletin without a required ratio: {@code every} a weekday ({@code MONDAY} … {@code SUNDAY}) or
     * {@code DAY}, on the days from {@code from} to {@code until} inclusive; each counts up to 00:00 of its day.
     */
    public record Bulletin(String every, String from, String until) {
    }

    /** The share of hardship persons that must be enrolled (100 %; Shandong 99 % for medical-assistance recipients). */
    public record HardshipFloor(BigDecimal ratio, List<String> categories) {
    }

    /** Exclusion reasons that reduce (核减) the target of the unit the person lives in, one person each. */
    public record TargetReductions(List<String> reasons) {
    }
}
