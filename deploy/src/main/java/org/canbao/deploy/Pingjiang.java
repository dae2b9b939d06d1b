package org.canbao.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Pingjiang county 2023 campaign (POLICY.md and the county's notice), for the demo and the end-to-end suite;
 * the same documents as deploy/regions/pingjiang-2023, whose README says which clause each rule comes from.
 */
public final class Pingjiang {
    public static final int YEAR = 2023;
    public static final String REGION_CODE = "430626";

    public static final String POLICY = """
            {"region": "平江县",
             "tiers": [{"tier": 1, "contribution": "350.00"}],
             "subsidies": [
               {"category": "EXTREME_POVERTY", "rule": "FULL", "fundingSource": "MEDICAL_ASSISTANCE"},
               {"category": "SEVERE_DISABILITY", "rule": "FULL", "fundingSource": "FINANCE"},
               {"category": "ORPHAN", "rule": "FULL", "fundingSource": "MEDICAL_ASSISTANCE"},
               {"category": "DE_FACTO_UNSUPPORTED_CHILD", "rule": "FULL", "fundingSource": "MEDICAL_ASSISTANCE"},
               {"category": "MINIMUM_LIVING", "rule": "HALF", "fundingSource": "MEDICAL_ASSISTANCE"},
               {"category": "MONITORED_UNSTABLE", "rule": "HALF", "fundingSource": "FINANCE"},
               {"category": "MONITORED_MARGINAL", "rule": "HALF", "fundingSource": "FINANCE"},
               {"category": "MONITORED_SUDDEN_HARDSHIP", "rule": "HALF", "fundingSource": "FINANCE"},
               {"category": "LOW_INCOME_MARGINAL", "rule": "HALF", "fundingSource": "MEDICAL_ASSISTANCE"},
               {"category": "CHILD_IN_DISTRESS", "rule": "HALF", "fundingSource": "MEDICAL_ASSISTANCE"}],
             "window": {"opens": "2022-09-01", "closes": "2022-12-31"},
             "baseListDate": "2022-08-31",
             "benefitStart": "2023-01-01",
             "fiscalShare": "610.00",
             "benefitRules": [
               {"persons": "NEWBORN", "newbornAge": "P90D", "start": "FROM_BIRTH"},
               {"persons": "INTAKE", "start": "FROM_INTAKE"},
               {"persons": "HARDSHIP", "start": "FROM_PAYMENT"},
               {"from": "2023-01-01", "until": "2023-12-31", "start": "NEXT_MONTH", "due": "FULL_FINANCING"}]}
            """;

    private Pingjiang() {
    }

    /**
     * The campaign: the county's allocation table, its three checkpoints (70 %, 90 %, 100 %) and the award
     * (at least 98 % and within the top 15). The same as deploy/regions/pingjiang-2023 (RegionFilesTest checks it).
     */
    public static String campaign() {
        String table = targetsCsv().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"units\": \"" + table + "\", \"checkpoints\": ["
                + "{\"cutoff\": \"2022-11-11T00:00:00+08:00\", \"requiredRatio\": 0.70},"
                + "{\"cutoff\": \"2022-12-11T00:00:00+08:00\", \"requiredRatio\": 0.90},"
                + "{\"cutoff\": \"2023-01-01T00:00:00+08:00\", \"requiredRatio\": 1.00}],"
                + "\"awards\": {\"minRatio\": 0.98, \"topN\": 15, \"cutoff\": \"2022-12-31\"}}";
    }

    public static String targetsCsv() {
        try (InputStream in = Pingjiang.class.getResourceAsStream("pingjiang-2023-targets.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
