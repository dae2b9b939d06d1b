package org.canbao.contracts;

import java.util.Locale;
import java.util.Map;

/**
 * Hardship categories by the names departments write on their lists (POLICY.md, Aikou's subsidy table), as the
 * canonical codes. A code, in any case, stays the code; a name not known here is left for the department check
 * to refuse as an unknown category.
 */
public final class CategoryNames {
    private static final Map<String, String> CODES = ordered(
            "特困人员", "EXTREME_POVERTY", "特困供养人员", "EXTREME_POVERTY",
            "孤儿", "ORPHAN", "城乡孤儿", "ORPHAN",
            "事实无人抚养儿童", "DE_FACTO_UNSUPPORTED_CHILD",
            "重度残疾", "SEVERE_DISABILITY", "重度残疾人", "SEVERE_DISABILITY",
            "重度残疾(一、二级)", "SEVERE_DISABILITY", "重度残疾（一、二级）", "SEVERE_DISABILITY",
            "民政城乡重度（一、二级）残疾", "SEVERE_DISABILITY",
            "低保对象", "MINIMUM_LIVING", "最低生活保障对象", "MINIMUM_LIVING",
            "低保边缘家庭成员", "LOW_INCOME_MARGINAL", "低保边缘户", "LOW_INCOME_MARGINAL",
            "脱贫不稳定户", "MONITORED_UNSTABLE", "边缘易致贫户", "MONITORED_MARGINAL",
            "突发严重困难户", "MONITORED_SUDDEN_HARDSHIP", "困境儿童", "CHILD_IN_DISTRESS",
            "返贫致贫人口", "RETURNED_TO_POVERTY", "稳定脱贫人口", "STABLE_EX_POOR",
            "民政部门建档其他人员", "CIVIL_AFFAIRS_OTHER", "因病致贫家庭重病患者", "SERIOUS_ILLNESS_POOR",
            "在乡老复员军人", "ELDERLY_DEMOBILIZED", "满60岁农村籍退役士兵", "RURAL_VETERAN_60",
            "重点优抚对象（不含1-6级残疾）", "PRIORITY_ENTITLED", "重点优抚对象", "PRIORITY_ENTITLED",
            "计生优抚（奖抚）对象", "FAMILY_PLANNING_REWARD", "计生残抚（特扶）对象", "FAMILY_PLANNING_SPECIAL",
            "计划生育手术并发症对象", "FAMILY_PLANNING_COMPLICATION",
            // older notices' own categories (Wuming 2018), which a policy year's vocabulary may name
            "建档立卡贫困人员", "REGISTERED_POOR", "建档立卡贫困人口", "REGISTERED_POOR",
            "独生子女户", "ONLY_CHILD_HOUSEHOLD", "双女结扎户", "TWO_DAUGHTERS_STERILISED", "残疾人", "DISABLED",
            "五保户", "EXTREME_POVERTY", "低保户", "MINIMUM_LIVING",
            // a fact for the benefit-start rules (covered from intake), not a subsidy of its own
            "儿童福利机构收留抚养的儿童", "WELFARE_INSTITUTION_CHILD", "儿童福利机构接收的儿童", "WELFARE_INSTITUTION_CHILD");

    private CategoryNames() {
    }

    /** The name a clerk reads for a code: the first one above that maps to it, or the code itself. */
    public static String chinese(String code) {
        return CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey)
                .findFirst().orElse(code);
    }

    /** Name, code, name, code… in the order given. */
    private static Map<String, String> ordered(String... namesAndCodes) {
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndCodes.length; i += 2) {
            codes.put(namesAndCodes[i], namesAndCodes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(codes);
    }

    public static String code(String value) {
        String trimmed = value.trim();
        return CODES.getOrDefault(trimmed, trimmed.toUpperCase(Locale.ROOT));
    }
}
