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
                + "in Asia/Shanghai), the ratio required by then, in (0, 1] (none: a bulletin that only ranks), and "
                + "`ratioOf`: `target` (default) or `eligible`, the table's eligible population.")
        List<CampaignDocument.Checkpoint> checkpoints,
        @Schema(description = "Recurring bulletins without a required ratio: `every` (DAY, MONDAY … SUNDAY), `from`, "
                + "`until` (dates, inclusive); a bulletin counts up to 00:00 of its day.")
        List<CampaignDocument.Bulletin> bulletins,
        @Schema(description = "How many of the last-ranked units a bulletin and the dashboard flag; default 3, 0 for none.",
                example = "3")
        Integer bottomN,
        @Schema(description = "The hardship floor: `ratio` (default 1.00) and optionally the `categories` it counts "
                + "(default every hardship category).")
        CampaignDocument.HardshipFloor hardshipFloor,
        @Schema(description = "核减: exclusion `reasons` (e.g. ENROLLED_ELSEWHERE) that reduce the target of the unit "
                + "the person lives in, one person each.")
        CampaignDocument.TargetReductions targetReductions,
        @Schema(description = "The deployment's tax offices: a payment to another is flagged in the reconciliation.")
        List<String> taxOffices,
        @Schema(description = "The award rule: minRatio, topN, cutoff; default Pingjiang's (at least 98 %, top 15, "
                + "at the last checkpoint).", type = SchemaType.OBJECT)
        Map<String, Object> awards,
        @Schema(description = "The incentive rules: cutoff, bands [{minRatio, perPerson}], bonusPerPointAbove100, "
                + "latePerPerson, shortfallPerPerson, shortfallAt (WINDOW_END or LATEST, the default), topBonuses, "
                + "topBonusMinRatio, deductions [{amount, belowRatio, hardshipBelowRatio, reason}].", type = SchemaType.OBJECT)
        Map<String, Object> incentives,
        @Schema(description = "A unit is called in (`calledIn` of a bulletin) when it was among the bottom N at this many "
                + "bulletins in a row, this one included (Aikou: 连续排名靠后…约谈); default 1: every bulletin's bottom N.",
                example = "2")
        Integer bottomInARow) {

    @Schema(name = "UnitRow", description = "One unit of the allocation table.")
    public record UnitRow(
            @Schema(name = "unit_name", required = true, example = "三阳乡") String unitName,
            @Schema(name = "unit_kind", required = true, description = "township, village, community, special_unit, …",
                    example = "township") String unitKind,
            @Schema(required = true, example = "24599") long target,
            @Schema(description = "Whether the unit is ranked; special_unit is not by default.") Boolean ranked) {
    }
}
