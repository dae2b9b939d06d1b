package org.canbao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTimeTest {
    @Test
    void aProcessOfTheRunDirectoryIsReadByItsPidFileAndItsTimeGrowsWithItsWork(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("subsidy-service.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(run.resolve("gone-service.pid"), "999999999\n");
        Map<String, Double> before = CpuTime.now(run);
        long sum = 0;
        for (long end = System.nanoTime() + 300_000_000L; System.nanoTime() < end; ) {
            sum += Long.toString(sum).hashCode();
        }
        Map<String, Double> after = CpuTime.now(run);

        assertTrue(after.get("subsidy-service") > before.get("subsidy-service"), "CPU time grew: " + before + " → " + after + " " + sum);
        assertEquals(after.get("bench-client"), after.get("subsidy-service"), 0.05, "the same process read twice");
        assertFalse(after.containsKey("gone-service"), "a process that has gone is left out");
    }

    @Test
    void whatEachUsedBetweenTwoReadingsCountsOneStartedOrRestartedInBetweenFromZero() {
        Map<String, Double> used = CpuTime.between(Map.of("kafka", 10.0, "reporting-service", 4.0),
                Map.of("kafka", 12.5, "reporting-service", 3.0, "subsidy-service", 7.0));

        assertEquals(Map.of("kafka", 2.5, "reporting-service", 3.0, "subsidy-service", 7.0), used);
    }
}
