package org.canbao.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.canbao.contracts.IdNumber;

/**
 * A county generated from a region's targets table at a scale: as many residents in each unit as its target times the
 * scale, in households of one to five, with the hardship shares of a Hunan county, exclusions, and each resident's
 * payment on a day drawn from the season's curve. The same region, scale, run and seed give the same county.
 */
public final class County {
    /** Region codes of the ID numbers: the county's own, and a neighbour's for payments sent to the wrong county. */
    static final String HOME = "430626";
    static final String NEIGHBOUR = "430621";
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平建国志红".split("");
    private static final String[] REASONS = {"EMPLOYEE_INSURED", "STUDENT_AT_SCHOOL", "ENROLLED_ELSEWHERE", "MILITARY_SERVICE"};
    private static final String[] CHANNELS = {"WECHAT", "ALIPAY", "UNIONPAY", "BANK", "BANK_COUNTER", "TAX_HALL", "TAX_APP",
            "VILLAGE_AGENT", "POS", "CASH", "MOBILE", "ONLINE"};
    /** A channel the tax bureau's list does not have: accepted and flagged for follow-up. */
    static final String UNLISTED_CHANNEL = "COUNTY_APP";
    static final String STREAM_CHANNEL = "BANK_DEDUCTION";

    private final RegionFiles files;
    private final String run;
    private final SubsidyTable subsidies;
    private final List<Unit> units = new ArrayList<>();
    private final List<Resident> residents = new ArrayList<>();
    private final List<LocalDate> feeds = new ArrayList<>();
    private final PaymentCurve curve;
    private final LocalDate bornFrom;

    private County(RegionFiles files, String run, PaymentCurve curve) {
        this.files = files;
        this.run = run;
        this.subsidies = new SubsidyTable(files.policy(), files.year());
        this.curve = curve;
        this.bornFrom = LocalDate.of(1940, 1, 1).plusDays(Math.floorMod(run.hashCode(), 12_000));
    }

    public static County generate(RegionFiles files, double scale, String run, long seed) {
        SubsidyTable table = new SubsidyTable(files.policy(), files.year());
        County county = new County(files, run, new PaymentCurve(table.opens(), table.closes(), checkpointDays(files.campaign())));
        for (LocalDate d = table.baseListDate(); d.isBefore(table.closes()); d = d.plusDays(1).plusMonths(1).withDayOfMonth(1).minusDays(1)) {
            county.feeds.add(d);
        }
        county.populate(scale, new SplittableRandom(seed));
        return county;
    }

    private static List<LocalDate> checkpointDays(JsonNode campaign) {
        List<LocalDate> days = new ArrayList<>();
        for (JsonNode checkpoint : campaign.path("checkpoints")) {
            String cutoff = checkpoint.path("cutoff").asText();
            days.add(cutoff.length() > 10 ? java.time.OffsetDateTime.parse(cutoff).toLocalDate().minusDays(1) : LocalDate.parse(cutoff));
        }
        return days;
    }

    private void populate(double scale, SplittableRandom random) {
        String fallbackTownship = files.policy().path("region").asText(files.region());
        for (RegionFiles.Row row : files.rows()) {
            boolean leaf = files.leaves().contains(row);
            boolean village = row.kind().equals("village") || row.kind().equals("community");
            String name = named(row.name());
            String township = !leaf ? null : village ? (row.parent() != null ? named(row.parent()) : fallbackTownship) : name;
            Long target = row.target() == null ? null : Math.max(1, Math.round(row.target() * scale));
            units.add(new Unit(name, row.kind(), row.parent() == null ? null : named(row.parent()), target, row.ranked(),
                    township, leaf && village ? name : null));
        }
        int household = 0;
        int left = 0;
        for (Unit unit : units) {
            if (!unit.leaf()) {
                continue;
            }
            for (long i = 0; i < unit.target(); i++) {
                if (left == 0) {
                    household++;
                    left = 1 + random.nextInt(5);
                }
                left--;
                residents.add(resident(residents.size(), unit, "H" + run + "-" + household, random));
            }
        }
    }

    private Resident resident(int index, Unit unit, String household, SplittableRandom random) {
        IdNumber id = IdNumber.of(HOME, bornFrom.plusDays(index / 900), index % 900);
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        Resident.Hardship hardship = hardship(random);
        BigDecimal due = subsidies.contribution().subtract(hardship == null ? BigDecimal.ZERO
                : subsidies.grant(hardship.category()).map(SubsidyTable.Grant::amount).orElse(BigDecimal.ZERO));
        String exclusion = hardship == null && random.nextDouble() < 0.01 ? REASONS[random.nextInt(REASONS.length)] : null;
        Resident.Payment payment = null;
        double pays = hardship == null ? 0.93 : 0.95;
        if (exclusion == null && due.signum() > 0 && random.nextDouble() < pays) {
            LocalDate day = curve.draw(random);
            int period = 0;
            while (period + 1 < feeds.size() && day.isAfter(feeds.get(period + 1))) {
                period++;
            }
            boolean stream = random.nextDouble() < 0.35;
            boolean reversed = !stream && random.nextDouble() < 0.01;
            String channel = stream ? STREAM_CHANNEL : random.nextDouble() < 0.002 ? UNLISTED_CHANNEL : CHANNELS[random.nextInt(CHANNELS.length)];
            String paidAt = String.format("%sT%02d:%02d:%02d+08:00", day, 8 + random.nextInt(14), random.nextInt(60), random.nextInt(60));
            payment = new Resident.Payment("S" + run + "-" + index, paidAt, period, channel, stream, random.nextDouble() < 0.01,
                    reversed, reversed && random.nextBoolean());
        }
        return new Resident(index, id, name, household, unit, hardship, exclusion, payment, due);
    }

    /** About 0.5% extreme poverty, 4% minimum living, 1% monitored, 1% severe disability, 0.3% family-planning families. */
    private Resident.Hardship hardship(SplittableRandom random) {
        double u = random.nextDouble();
        String category;
        String department;
        if (u < 0.005) {
            category = "EXTREME_POVERTY";
            department = "civil-affairs";
        } else if (u < 0.045) {
            category = "MINIMUM_LIVING";
            department = "civil-affairs";
        } else if (u < 0.055) {
            category = List.of("MONITORED_UNSTABLE", "MONITORED_MARGINAL", "MONITORED_SUDDEN_HARDSHIP").get(random.nextInt(3));
            department = "rural-revitalization";
        } else if (u < 0.065) {
            category = "SEVERE_DISABILITY";
            department = "disabled-persons-federation";
        } else if (u < 0.068) {
            category = "FAMILY_PLANNING_REWARD";
            department = "medical-insurance";
        } else {
            return null;
        }
        int feedCount = Math.max(1, feeds.size());
        double when = random.nextDouble();
        int from = when < 0.85 || feedCount == 1 ? 0 : 1 + random.nextInt(feedCount - 1);
        int until = from + 1 < feedCount && random.nextDouble() < 0.03 ? from + 1 + random.nextInt(feedCount - from - 1) : -1;
        return new Resident.Hardship(category, department, from, until);
    }

    private String named(String unit) {
        return unit + "-" + run;
    }

    public String run() {
        return run;
    }

    public RegionFiles files() {
        return files;
    }

    public SubsidyTable subsidies() {
        return subsidies;
    }

    public List<Unit> units() {
        return units;
    }

    public List<Resident> residents() {
        return residents;
    }

    /** The dates of the monthly snapshots: the base-list date, then each month's end before the window closes. */
    public List<LocalDate> feeds() {
        return feeds;
    }

    /** Residents of another county paying here: their ID numbers are on no roster of this county. */
    public IdNumber neighbour(int i) {
        return IdNumber.of(NEIGHBOUR, bornFrom.plusDays(i / 900), i % 900);
    }

    /** The units' table for the campaign document: the region's rows, renamed for this run, targets scaled. */
    public String unitsCsv() {
        boolean tree = units.stream().anyMatch(u -> u.parent() != null);
        StringBuilder csv = new StringBuilder(tree ? "unit_name,unit_kind,parent,target,ranked\n" : "unit_name,unit_kind,target,ranked\n");
        for (Unit unit : units) {
            csv.append(unit.name()).append(',').append(unit.kind()).append(',');
            if (tree) {
                csv.append(unit.parent() == null ? "" : unit.parent()).append(',');
            }
            csv.append(unit.target() == null ? "" : unit.target()).append(',').append(unit.ranked()).append('\n');
        }
        return csv.toString();
    }
}
