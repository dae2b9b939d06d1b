package org.canbao.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CategoryNamesTest {
    @Test
    void aDepartmentsNameBecomesTheCode() {
        assertEquals("MINIMUM_LIVING", CategoryNames.code("低保对象"));
        assertEquals("MINIMUM_LIVING", CategoryNames.code(" 低保户 "), "Wuming 2018's name for it");
        assertEquals("REGISTERED_POOR", CategoryNames.code("建档立卡贫困人员"));
        assertEquals("TWO_DAUGHTERS_STERILISED", CategoryNames.code("双女结扎户"));
        assertEquals("EXTREME_POVERTY", CategoryNames.code("extreme_poverty"), "a code in any case stays the code");
        assertEquals("不存在类别", CategoryNames.code("不存在类别"), "an unknown name is left for the department check");
    }

    @Test
    void aCodeReadsAsItsFirstName() {
        assertEquals("特困人员", CategoryNames.chinese("EXTREME_POVERTY"), "not 五保户, an older notice's word");
        assertEquals("独生子女户", CategoryNames.chinese("ONLY_CHILD_HOUSEHOLD"));
        assertEquals("UNKNOWN_CODE", CategoryNames.chinese("UNKNOWN_CODE"));
    }
}
