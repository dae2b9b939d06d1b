package org.canbao.enrollment.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The lines of enrollment's batches as the OpenAPI document shows them: one JSON object a line in NDJSON, one row
 * under a header row in CSV and xlsx. Only the document reads these types; the services read lines by field name
 * ({@code platform/batch}), so a field here is a promise to keep, not a parser.
 */
public final class BatchLines {
    static final String ID = "The 18-character resident ID number (check character X or x allowed). Chinese column: "
            + "身份证号码 / 身份证号 / 公民身份号码.";
    static final String ROSTER_LINE = """
            {"idNumber":"430626198503120040","name":"李四","householdId":"H-0001","township":"三阳乡","village":"金坪村"}""";
    static final String ROSTER_CSV = """
            idNumber,name,householdId,township,village,status
            430626198503120040,李四,H-0001,三阳乡,金坪村,ACTIVE
            430626196211080033,王五,H-0002,三阳乡,金坪村,DECEASED
            """;
    static final String ROSTER_CSV_CHINESE = """
            公民身份号码,姓名,户号,乡镇（街道）,村（社区）
            430626198503120040,李四,H-0001,三阳乡,金坪村
            """;
    static final String FEED_LINE = """
            {"idNumber":"430626196211080033","name":"王五","category":"特困人员","action":"REMOVE","effectiveDate":"2022-08-15"}""";
    static final String FEED_CSV = """
            idNumber,name,category,action,effectiveDate
            430626198503120040,李四,MINIMUM_LIVING,ADD,
            430626196211080033,王五,EXTREME_POVERTY,REMOVE,2022-08-15
            """;
    static final String FEED_CSV_CHINESE = """
            身份证号码,姓名,人员类别
            430626198503120040,李四,低保对象
            """;
    static final String EXCLUSION_LINE = """
            {"idNumber":"430626198503120040","policyYear":2023,"reason":"EMPLOYEE_INSURED"}""";
    static final String EXCLUSION_CSV = """
            idNumber,policyYear,reason
            430626198503120040,2023,EMPLOYEE_INSURED
            430626201007150026,2023,STUDENT_AT_SCHOOL
            """;
    static final String EXCLUSION_CSV_CHINESE = """
            身份证号码,参保年度,核减原因
            430626198503120040,2023,EMPLOYEE_INSURED
            """;

    private BatchLines() {
    }

    @Schema(name = "RosterLine", description = "One person of the household roster (public security). Fields are "
            + "strings in CSV and xlsx, so numbers and dates may be given as text too.")
    public record RosterLine(
            @Schema(description = ID, required = true, example = "430626198503120040", minLength = 18, maxLength = 18)
            String idNumber,
            @Schema(description = "Name (姓名), at most 64 characters, no control characters or bidirectional marks.",
                    required = true, example = "李四", maxLength = 64)
            String name,
            @Schema(description = "Household number (户号), at most 64 characters.", required = true,
                    example = "H-0001", maxLength = 64)
            String householdId,
            @Schema(description = "Township (乡镇（街道）); must be a unit of a defined campaign once any exists.",
                    required = true, example = "三阳乡", maxLength = 64)
            String township,
            @Schema(description = "Village (村（社区）); when campaigns set targets per village, one they define.",
                    example = "金坪村", maxLength = 64)
            String village,
            @Schema(description = "Status (人员状态), default ACTIVE.", enumeration = {"ACTIVE", "MOVED_OUT", "DECEASED"},
                    defaultValue = "ACTIVE", example = "ACTIVE")
            String status) {
    }

    @Schema(name = "StatusFeedLine", description = "One person and category of a department's list.")
    public record StatusFeedLine(
            @Schema(description = ID, required = true, example = "430626198503120040", minLength = 18, maxLength = 18)
            String idNumber,
            @Schema(description = "Name (姓名).", required = true, example = "李四", maxLength = 64)
            String name,
            @Schema(description = "Hardship category (类别 / 人员类别): a code such as MINIMUM_LIVING or its Chinese "
                    + "name (低保对象, 特困人员, 脱贫不稳定户, …); the department must be allowed to report it.",
                    required = true, example = "MINIMUM_LIVING")
            String category,
            @Schema(description = "操作: ADD (default) or REMOVE; REMOVE is refused in a snapshot (leave the person out).",
                    enumeration = {"ADD", "REMOVE"}, defaultValue = "ADD", example = "ADD")
            String action,
            @Schema(description = "生效日期: the business date of this line, winning over the feed's asOf; a delta "
                    + "line without either is rejected.", type = SchemaType.STRING, format = "date",
                    example = "2022-08-15")
            String effectiveDate) {
    }

    @Schema(name = "ExclusionLine", description = "A person out of a policy year's campaign (medical insurance).")
    public record ExclusionLine(
            @Schema(description = ID, required = true, example = "430626198503120040", minLength = 18, maxLength = 18)
            String idNumber,
            @Schema(description = "参保年度: the policy year.", required = true, example = "2023")
            int policyYear,
            @Schema(description = "核减原因: one of canbao.exclusions.reasons (the rejection lists them).",
                    required = true, enumeration = {"EMPLOYEE_INSURED", "ENROLLED_ELSEWHERE", "STUDENT_AT_SCHOOL",
                            "DECEASED", "MILITARY_SERVICE", "MOVED_OUT", "LIVING_ABROAD", "IMPRISONED",
                            "DUPLICATE_REGISTRATION", "OTHER_INSURANCE"}, example = "EMPLOYEE_INSURED")
            String reason) {
    }
}
