package org.canbao.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canbao.contracts.EventCodec;
import org.canbao.simulator.Api;

/**
 * {@code ./canbao load <dir>}: a region's notice as data ({@code deploy/regions/<region>-<year>/}) put through the
 * public API, as that pooling region's own: {@code policy.json} goes to subsidy-service
 * ({@code PUT /api/v1/regions/{code}/policies/{year}}), the campaign to reporting-service
 * ({@code PUT /api/v1/regions/{code}/campaigns/{year}}): {@code campaign.json} (checkpoints, awards, incentives), its
 * {@code units} taken from {@code targets.csv} when it names none. The region code is the folder name without its
 * year (the launcher's default region is {@code pingjiang}, the demo's), the year the folder name's last part, unless
 * a {@code year} file says otherwise.
 */
public final class RegionLoader {
    private static final Pattern YEAR = Pattern.compile(".*-(\\d{4})$");

    /** A region folder read: the year and the two documents, as they are sent. */
    public record Region(String name, String code, int year, String policy, String campaign) {
    }

    /** What each service answered. */
    public record Loaded(int year, Api.Answer policy, Api.Answer campaign) {
        public boolean ok() {
            return policy.status() == 200 && campaign.status() == 200;
        }
    }

    private RegionLoader() {
    }

    public static Region read(Path dir) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new Region(name, name.replaceFirst("-\\d{4}$", ""), year(dir, name), text(dir.resolve("policy.json")),
                campaign(dir));
    }

    /**
     * Puts the region's policy and campaign for {@code year} (the folder's own when null) and prints each answer.
     */
    public static Loaded load(Region region, Integer year, Api subsidy, Api reporting, PrintStream out) {
        int policyYear = year != null ? year : region.year();
        String base = "/api/v1/regions/" + region.code();
        out.printf("%s: pooling region %s, policy year %d%n", region.name(), region.code(), policyYear);
        Api.Answer policy = subsidy.put("admin", base + "/policies/" + policyYear, "application/json", region.policy());
        out.printf("  policy   -> subsidy-service   %d %s%n", policy.status(), policy.body());
        Api.Answer campaign = reporting.put("admin", base + "/campaigns/" + policyYear, "application/json", region.campaign());
        out.printf("  campaign -> reporting-service %d %s%n", campaign.status(), campaign.body());
        if (campaign.status() == 200) {
            JsonNode warnings = campaign.json().path("warnings");
            warnings.forEach(w -> out.println("  warning: " + w.asText()));
        }
        return new Loaded(policyYear, policy, campaign);
    }

    private static int year(Path dir, String name) {
        Path file = dir.resolve("year");
        if (Files.exists(file)) {
            return Integer.parseInt(text(file).trim());
        }
        Matcher m = YEAR.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + ": no policy year (name the folder <region>-<year> or add a 'year' file)");
        }
        return Integer.parseInt(m.group(1));
    }

    private static String campaign(Path dir) {
        Path json = dir.resolve("campaign.json");
        Path csv = dir.resolve("targets.csv");
        try {
            JsonNode read = Files.exists(json) ? EventCodec.mapper().readTree(text(json)) : EventCodec.mapper().createObjectNode();
            if (!(read instanceof ObjectNode document)) {
                throw new IllegalArgumentException(json + " is not a JSON object");
            }
            if (!document.has("units")) {
                if (!Files.exists(csv)) {
                    throw new IllegalArgumentException(dir + ": no units (neither targets.csv nor units in campaign.json)");
                }
                document.put("units", text(csv));
            }
            return EventCodec.mapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalArgumentException(json + " is not JSON: " + e.getMessage());
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
