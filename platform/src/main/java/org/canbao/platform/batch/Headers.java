package org.canbao.platform.batch;

import java.util.Map;

/**
 * The column headers Chinese offices put on their sheets, as the API's field names: a file exported from a
 * bureau's own system can be sent as it is. A header that is already a field name, or that is not known here,
 * stays as it is.
 */
public final class Headers {
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("身份证号", "idNumber"), Map.entry("身份证号码", "idNumber"), Map.entry("公民身份号码", "idNumber"),
            Map.entry("证件号码", "idNumber"),
            Map.entry("姓名", "name"),
            Map.entry("户号", "householdId"), Map.entry("户编号", "householdId"), Map.entry("家庭编号", "householdId"),
            Map.entry("乡镇", "township"), Map.entry("乡镇(街道)", "township"), Map.entry("乡镇（街道）", "township"),
            Map.entry("乡镇街道", "township"),
            Map.entry("村", "village"), Map.entry("村(社区)", "village"), Map.entry("村（社区）", "village"),
            Map.entry("村社区", "village"), Map.entry("村组", "village"),
            Map.entry("人员状态", "status"),
            Map.entry("类别", "category"), Map.entry("人员类别", "category"), Map.entry("困难类别", "category"),
            Map.entry("操作", "action"), Map.entry("生效日期", "effectiveDate"),
            Map.entry("参保年度", "policyYear"), Map.entry("年度", "policyYear"), Map.entry("核减原因", "reason"),
            Map.entry("原因", "reason"),
            Map.entry("票据号", "receiptId"), Map.entry("票据号码", "receiptId"), Map.entry("电子税票号码", "receiptId"),
            Map.entry("缴费金额", "amount"), Map.entry("金额", "amount"), Map.entry("缴费渠道", "channel"),
            Map.entry("渠道", "channel"), Map.entry("缴费时间", "paidAt"), Map.entry("缴费日期", "paidAt"),
            Map.entry("缴费档次", "tier"), Map.entry("档次", "tier"), Map.entry("税务机关", "taxOffice"),
            Map.entry("征收机关", "taxOffice"));

    /** The header each field gets on a sheet Canbao writes, one a bureau's staff read and Canbao reads back. */
    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("idNumber", "身份证号码"), Map.entry("name", "姓名"), Map.entry("householdId", "户号"),
            Map.entry("township", "乡镇（街道）"), Map.entry("village", "村（社区）"), Map.entry("status", "人员状态"),
            Map.entry("category", "人员类别"), Map.entry("action", "操作"), Map.entry("effectiveDate", "生效日期"),
            Map.entry("policyYear", "参保年度"), Map.entry("reason", "核减原因"), Map.entry("receiptId", "票据号"),
            Map.entry("amount", "缴费金额"), Map.entry("channel", "缴费渠道"), Map.entry("paidAt", "缴费时间"),
            Map.entry("tier", "缴费档次"), Map.entry("taxOffice", "税务机关"));

    private Headers() {
    }

    /** The Chinese header of a field (one {@link #field} reads back), or the field's own name. */
    public static String chinese(String field) {
        return field == null ? null : CHINESE.getOrDefault(field, field);
    }

    /** The API's name for a column header, or the header itself. */
    public static String field(String header) {
        String trimmed = header.replace("\uFEFF", "").trim();
        return FIELDS.getOrDefault(trimmed, trimmed);
    }
}
