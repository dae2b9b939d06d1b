package org.canbao.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures the season must end in, worked out from what the simulator sent, and the suite's figures compared with
 * them exactly: every unit's progress (target, enrolled, hardship persons and hardship enrolled) and the county's
 * total, the region's subsidy ledger (persons and amount by granting category, pending subsidies, no refunds or
 * retroactive subsidies due), and the payments flagged for an unlisted channel.
 */
final class FigureCheck {
    static final List<String> WHAT = List.of("progress of every unit and the total: target, enrolled, hardship, hardship enrolled",
            "ledger: persons and subsidy by category, pending subsidies, refunds due 0, retroactive subsidies due 0",
            "payments flagged for an unlisted channel");

    private record Figures(long target, long enrolled, long hardship, long hardshipEnrolled) {
        Figures plus(Figures o) {
            return new Figures(target + o.target, enrolled + o.enrolled, hardship + o.hardship, hardshipEnrolled + o.hardshipEnrolled);
        }
    }

    private record Sum(long persons, BigDecimal amount) {
        Sum plus(BigDecimal more) {
            return new Sum(persons + 1, amount.add(more));
        }
    }

    private final County county;
    private final String region;
    private final Api payments;
    private final Api subsidy;
    private final Api reporting;
    private final Map<String, Figures> units = new HashMap<>();
    private final Map<String, Sum> byCategory = new TreeMap<>();
    private Sum pending = new Sum(0, BigDecimal.ZERO.setScale(2));
    private final long flagged;

    FigureCheck(County county, String region, Api payments, Api subsidy, Api reporting) {
        this.county = county;
        this.region = region;
        this.payments = payments;
        this.subsidy = subsidy;
        this.reporting = reporting;
        for (Resident r : county.residents()) {
            boolean hardship = r.hardshipNow();
            units.merge(r.unit().name(), new Figures(0, r.enrolled() ? 1 : 0, hardship ? 1 : 0, hardship && r.enrolled() ? 1 : 0), Figures::plus);
            if (r.hardship() != null && !r.excluded()) {
                county.subsidies().grant(r.hardship().category()).filter(g -> g.amount().signum() > 0).ifPresent(g -> {
                    if (r.enrolled()) {
                        byCategory.merge(r.hardship().category(), new Sum(1, g.amount()), (a, b) -> new Sum(a.persons + 1, a.amount.add(g.amount())));
                    } else {
                        pending = pending.plus(g.amount());
                    }
                });
            }
        }
        for (Unit unit : county.units()) {
            units.merge(unit.name(), new Figures(unit.target() == null ? 0 : unit.target(), 0, 0, 0), Figures::plus);
        }
        this.flagged = county.residents().stream().filter(r -> r.payment() != null && County.UNLISTED_CHANNEL.equals(r.payment().channel())).count();
    }

    /** Compares until every figure matches or {@code timeout} has passed; the differences left (none: exact). */
    List<String> await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> differences;
        do {
            differences = progress();
            if (differences.isEmpty()) {
                differences = ledger();
            }
            if (differences.isEmpty()) {
                differences = flagged();
            }
            if (differences.isEmpty()) {
                return differences;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return differences;
    }

    private List<String> progress() {
        List<String> differences = new ArrayList<>();
        Map<String, Figures> expected = rolledUp();
        Figures total = new Figures(0, 0, 0, 0);
        for (Unit unit : county.units()) {
            if (unit.parent() == null) {
                total = total.plus(expected.get(unit.name()));
            }
        }
        String path = "/api/v1/regions/" + region + "/campaigns/" + county.files().year() + "/progress";
        JsonNode top = reporting.get("supervisor", path).ok().json();
        compare("total", total, top.path("total"), differences, false);
        List<JsonNode> rows = new ArrayList<>();
        top.path("units").forEach(rows::add);
        for (Unit unit : county.units()) {
            if (!unit.leaf()) {
                reporting.get("supervisor", path + "?parent=" + URLEncoder.encode(unit.name(), StandardCharsets.UTF_8)).ok().json()
                        .path("units").forEach(rows::add);
            }
        }
        Map<String, JsonNode> seen = new HashMap<>();
        rows.forEach(row -> seen.put(row.path("name").asText(), row));
        for (Unit unit : county.units()) {
            JsonNode row = seen.get(unit.name());
            if (row == null) {
                differences.add(unit.name() + ": not in progress");
            } else {
                compare(unit.name(), expected.get(unit.name()), row, differences, true);
            }
        }
        return differences;
    }

    private Map<String, Figures> rolledUp() {
        Map<String, Figures> figures = new HashMap<>(units);
        for (int pass = 0; pass < 6; pass++) {
            Map<String, Figures> next = new HashMap<>(units);
            for (Unit unit : county.units()) {
                if (unit.parent() != null) {
                    Figures child = figures.get(unit.name());
                    next.merge(unit.parent(), new Figures(0, child.enrolled, child.hardship, child.hardshipEnrolled), Figures::plus);
                }
            }
            figures = next;
        }
        return figures;
    }

    private static void compare(String name, Figures expected, JsonNode row, List<String> differences, boolean target) {
        long enrolled = row.path("enrolled").asLong();
        long hardship = row.path("hardship").path("total").asLong();
        long hardshipEnrolled = row.path("hardship").path("enrolled").asLong();
        if (enrolled != expected.enrolled || hardship != expected.hardship || hardshipEnrolled != expected.hardshipEnrolled
                || target && expected.target > 0 && row.path("target").asLong() != expected.target) {
            differences.add(String.format("%s: target/enrolled/hardship/hardship enrolled %d/%d/%d/%d, sent to be %d/%d/%d/%d", name,
                    row.path("target").asLong(), enrolled, hardship, hardshipEnrolled,
                    expected.target, expected.enrolled, expected.hardship, expected.hardshipEnrolled));
        }
    }

    private List<String> ledger() {
        List<String> differences = new ArrayList<>();
        JsonNode ledger = subsidy.get("supervisor", "/api/v1/regions/" + region + "/ledger/" + county.files().year()).ok().json();
        Map<String, Sum> actual = new TreeMap<>();
        ledger.path("byCategory").forEach(line -> actual.put(line.path("category").asText(),
                new Sum(line.path("persons").asLong(), new BigDecimal(line.path("subsidy").asText()))));
        if (!same(actual, byCategory)) {
            differences.add("ledger by category " + actual + ", sent to be " + byCategory);
        }
        Sum pendingNow = sum(ledger.path("pendingSubsidies"));
        if (pendingNow.persons != pending.persons || pendingNow.amount.compareTo(pending.amount) != 0) {
            differences.add("ledger pending subsidies " + pendingNow + ", sent to be " + pending);
        }
        for (String owed : List.of("refundsDue", "retroactiveSubsidiesDue")) {
            if (ledger.path(owed).path("persons").asLong() != 0) {
                differences.add("ledger " + owed + " " + ledger.path(owed) + ", sent to be none");
            }
        }
        return differences;
    }

    private static boolean same(Map<String, Sum> a, Map<String, Sum> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().persons == b.get(e.getKey()).persons
                && e.getValue().amount.compareTo(b.get(e.getKey()).amount) == 0);
    }

    private static Sum sum(JsonNode node) {
        return new Sum(node.path("persons").asLong(), new BigDecimal(node.path("amount").asText("0")));
    }

    private List<String> flagged() {
        JsonNode list = payments.get("tax", "/api/v1/payments/flagged?policyYear=" + county.files().year()).ok().json();
        long mine = 0;
        for (JsonNode payment : list.isArray() ? list : list.path("payments")) {
            if (payment.path("receiptId").asText().startsWith("S" + county.run() + "-")) {
                mine++;
            }
        }
        return mine == flagged ? List.of() : List.of("flagged payments " + mine + ", sent " + flagged + " through " + County.UNLISTED_CHANNEL);
    }
}
