package org.canbao.subsidy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.contracts.EventCodec;
import org.junit.jupiter.api.Test;

/** The Aikou 2023 notice's real per-category table, given to a policy as it stands. */
class PolicyDocumentTest {

    private static Policy aikou() throws Exception {
        String table;
        try (InputStream in = PolicyDocumentTest.class.getResourceAsStream("/aikou-2023-subsidy-table.csv")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String json = "{\"tiers\":[{\"tier\":1,\"contribution\":350},{\"tier\":2,\"contribution\":\"725.00\"}],"
                + "\"subsidyTable\":" + EventCodec.mapper().writeValueAsString(table) + ","
                + "\"window\":{\"from\":\"2022-09-01\",\"to\":\"2022-12-15\"}}";
        return EventCodec.mapper().readValue(json, PolicyDocument.class).toPolicy(2023);
    }

    private static BigDecimal due(Policy policy, String category, int tier) {
        return SubsidyDecision.decide(policy, tier, List.of(new CategorySpell(category, "civil-affairs",
                LocalDate.of(2022, 8, 31), null)), List.of()).personalDue();
    }

    @Test
    void eachCategoryPaysItsOwnShareAtEachTier() throws Exception {
        Policy policy = aikou();
        assertEquals(LocalDate.of(2022, 12, 15), policy.windowCloses());
        assertEquals(new BigDecimal("35.00"), due(policy, "MINIMUM_LIVING", 1));
        assertEquals(new BigDecimal("375.00"), due(policy, "MINIMUM_LIVING", 2));
        assertEquals(new BigDecimal("300.00"), due(policy, "STABLE_EX_POOR", 1));
        assertEquals(new BigDecimal("675.00"), due(policy, "STABLE_EX_POOR", 2));
        assertEquals(new BigDecimal("445.00"), due(policy, "FAMILY_PLANNING_REWARD", 2));
    }

    @Test
    void anEmptyCellMeansNoSubsidyAtThatTier() throws Exception {
        Policy policy = aikou();
        assertEquals(new BigDecimal("0.00"), due(policy, "ELDERLY_DEMOBILIZED", 2));
        assertEquals(new BigDecimal("350.00"), due(policy, "ELDERLY_DEMOBILIZED", 1));
    }

    @Test
    void aTableWithoutCategoriesIsRefused() {
        PolicyDocument document = new PolicyDocument(null, "350", null, null,
                TextNode.valueOf("name,tier1_subsidy\nx,1\n"), null, null, null);
        assertThrows(InvalidInput.class, () -> document.toPolicy(2023));
    }
}
