package org.canbao.reporting.rest;

import java.util.List;
import java.util.Map;
import org.canbao.reporting.domain.CampaignDocument;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The campaign document as the OpenAPI document shows it: {@link CampaignDocument} keeps {@code units},
 * {@code awards} and {@code incentives} as JSON trees (read strictly by the domain), which a schema scan would
 * only call "object". Only the document reads this type.
 */
@Schema(name = "CampaignDefinition", description = "A policy year's campaign. Unknown fields are refused (400).")
public record CampaignBody(
        @Schema(description = "The allocation table: CSV text with a header row (columns unit_name, unit_kind, "
                + "target, optional ranked), or a list of objects with those columns.", required = true,
                oneOf = {String.class, UnitRow[].class})
        Object units,
        @Schema(description = "Checkpoints: a cut-off (a time with offset, exclusive, or a date: the end of that day "
                + "in Asia/Shanghai) and the ratio required by then, in (0, 1].")
        List<CampaignDocument.Checkpoint> checkpoints,
        @Schema(description = "The award rule: minRatio, topN, cutoff; default Pingjiang's (at least 98 %, top 15, "
                + "at the last checkpoint).", type = SchemaType.OBJECT)
        Map<String, Object> awards,
        @Schema(description = "The incentive rules: cutoff, bands [{minRatio, perPerson}], bonusPerPointAbove100, "
                + "latePerPerson, shortfallPerPerson, topBonuses, topBonusMinRatio.", type = SchemaType.OBJECT)
        Map<String, Object> incentives) {

    @Schema(name = "UnitRow", description = "One unit of the allocation table.")
    public record UnitRow(
            @Schema(name = "unit_name", required = true, example = "三阳乡") String unitName,
            @Schema(name = "unit_kind", required = true, description = "township, village, community, special_unit, …",
                    example = "township") String unitKind,
            @Schema(required = true, example = "24599") long target,
            @Schema(description = "Whether the unit is ranked; special_unit is not by default.") Boolean ranked) {
    }
}
