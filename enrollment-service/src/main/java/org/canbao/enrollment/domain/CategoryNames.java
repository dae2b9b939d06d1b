package org.canbao.enrollment.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Hardship categories by the names departments write on their lists (POLICY.md, Aikou's subsidy table), as the
 * canonical codes. A code, in any case, stays the code; a name not known here is left for the department check
 * to refuse as an unknown category.
 */
public final class CategoryNames {
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("特困人员", "EXTREME_POVERTY"), Map.entry("特困供养人员", "EXTREME_POVERTY"),
            Map.entry("孤儿", "ORPHAN"), Map.entry("城乡孤儿", "ORPHAN"),
            Map.entry("事实无人抚养儿童", "DE_FACTO_UNSUPPORTED_CHILD"),
            Map.entry("重度残疾", "SEVERE_DISABILITY"), Map.entry("重度残疾人", "SEVERE_DISABILITY"),
            Map.entry("重度残疾(一、二级)", "SEVERE_DISABILITY"), Map.entry("重度残疾（一、二级）", "SEVERE_DISABILITY"),
            Map.entry("民政城乡重度（一、二级）残疾", "SEVERE_DISABILITY"),
            Map.entry("低保对象", "MINIMUM_LIVING"), Map.entry("最低生活保障对象", "MINIMUM_LIVING"),
            Map.entry("低保边缘家庭成员", "LOW_INCOME_MARGINAL"), Map.entry("低保边缘户", "LOW_INCOME_MARGINAL"),
            Map.entry("脱贫不稳定户", "MONITORED_UNSTABLE"), Map.entry("边缘易致贫户", "MONITORED_MARGINAL"),
            Map.entry("突发严重困难户", "MONITORED_SUDDEN_HARDSHIP"), Map.entry("困境儿童", "CHILD_IN_DISTRESS"),
            Map.entry("返贫致贫人口", "RETURNED_TO_POVERTY"), Map.entry("稳定脱贫人口", "STABLE_EX_POOR"),
            Map.entry("民政部门建档其他人员", "CIVIL_AFFAIRS_OTHER"), Map.entry("因病致贫家庭重病患者", "SERIOUS_ILLNESS_POOR"),
            Map.entry("在乡老复员军人", "ELDERLY_DEMOBILIZED"), Map.entry("满60岁农村籍退役士兵", "RURAL_VETERAN_60"),
            Map.entry("重点优抚对象（不含1-6级残疾）", "PRIORITY_ENTITLED"), Map.entry("重点优抚对象", "PRIORITY_ENTITLED"),
            Map.entry("计生优抚（奖抚）对象", "FAMILY_PLANNING_REWARD"), Map.entry("计生残抚（特扶）对象", "FAMILY_PLANNING_SPECIAL"),
            Map.entry("计划生育手术并发症对象", "FAMILY_PLANNING_COMPLICATION"));

    private CategoryNames() {
    }

    public static String code(String value) {
        String trimmed = value.trim();
        return CODES.getOrDefault(trimmed, trimmed.toUpperCase(Locale.ROOT));
    }
}
