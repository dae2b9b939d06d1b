package org.canbao.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CountyTest {
    private static final RegionFiles PINGJIANG = RegionFiles.read(Path.of("..", "deploy", "regions", "pingjiang-2023"));
    private static final County COUNTY = County.generate(PINGJIANG, 0.02, "t3st", 42);

    @Test
    void eachUnitHasItsScaledTargetOfResidents() {
        Map<String, Long> perUnit = COUNTY.residents().stream().collect(Collectors.groupingBy(r -> r.unit().name(), Collectors.counting()));
        for (Unit unit : COUNTY.units()) {
            assertEquals(unit.target(), perUnit.get(unit.name()), unit.name());
        }
        assertEquals(Math.round(947_259 * 0.02), COUNTY.residents().size(), 30);
    }

    @Test
    void hardshipSharesAreThoseOfAHunanCounty() {
        Map<String, Long> categories = COUNTY.residents().stream().filter(r -> r.hardship() != null)
                .collect(Collectors.groupingBy(r -> r.hardship().category(), Collectors.counting()));
        double n = COUNTY.residents().size();
        assertEquals(0.005, categories.get("EXTREME_POVERTY") / n, 0.0015);
        assertEquals(0.04, categories.get("MINIMUM_LIVING") / n, 0.004);
        assertEquals(0.01, categories.get("SEVERE_DISABILITY") / n, 0.002);
        long monitored = categories.entrySet().stream().filter(e -> e.getKey().startsWith("MONITORED")).mapToLong(Map.Entry::getValue).sum();
        assertEquals(0.01, monitored / n, 0.002);
    }

    @Test
    void extremePovertyPaysNothingAndMinimumLivingHalf() {
        for (Resident r : COUNTY.residents()) {
            if (r.hardship() != null && r.hardship().category().equals("EXTREME_POVERTY")) {
                assertEquals(0, r.due().signum());
                assertTrue(r.payment() == null && r.enrolled());
            }
            if (r.hardship() != null && r.hardship().category().equals("MINIMUM_LIVING")) {
                assertEquals("175.00", r.due().toPlainString());
            }
        }
    }

    @Test
    void monthlySnapshotsFromTheBaseListDate() {
        assertEquals(List.of(LocalDate.of(2022, 8, 31), LocalDate.of(2022, 9, 30), LocalDate.of(2022, 10, 31), LocalDate.of(2022, 11, 30)),
                COUNTY.feeds());
    }

    @Test
    void paymentsRushBeforeTheLastCheckpointAndTheWindowsEnd() {
        Map<LocalDate, Long> perDay = COUNTY.residents().stream().filter(r -> r.payment() != null)
                .collect(Collectors.groupingBy(r -> LocalDate.parse(r.payment().paidAt().substring(0, 10)), Collectors.counting()));
        Function<LocalDate, Long> day = d -> perDay.getOrDefault(d, 0L);
        assertTrue(day.apply(LocalDate.of(2022, 11, 9)) > 2 * day.apply(LocalDate.of(2022, 11, 1)), "rush before 10 Nov");
        assertTrue(day.apply(LocalDate.of(2022, 12, 30)) > 3 * day.apply(LocalDate.of(2022, 12, 20)), "rush before 31 Dec");
        assertTrue(day.apply(LocalDate.of(2022, 9, 2)) < day.apply(LocalDate.of(2022, 11, 1)), "slow at first");
    }

    @Test
    void theSameRunAndSeedGiveTheSameCounty() {
        County again = County.generate(PINGJIANG, 0.02, "t3st", 42);
        assertEquals(COUNTY.residents(), again.residents());
    }
}
