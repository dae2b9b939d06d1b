package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.canbao.platform.i18n.Message;

/**
 * A campaign's rules beyond its units, with their defaults (Pingjiang's: the last three ranked flagged, hardship
 * groups at 100 %), and the contradictions that make a document unusable, each named by its JSON path.
 */
public final class CampaignRules {
    /** The dashboard's and the bulletins' bottom flags when the campaign sets none (Aikou's 后3名). */
    public static final int DEFAULT_BOTTOM_N = 3;
    static final Set<String> EVERY = Set.of("DAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    private CampaignRules() {
    }

    public static int bottomN(CampaignDocument document) {
        return document.bottomN() == null ? DEFAULT_BOTTOM_N : document.bottomN();
    }

    /** How many bulletins in a row a unit must be among the bottom N to be called in; 1 unless the campaign says. */
    public static int bottomInARow(CampaignDocument document) {
        return document.bottomInARow() == null ? 1 : document.bottomInARow();
    }

    public static BigDecimal hardshipFloor(CampaignDocument document) {
        return document.hardshipFloor() == null || document.hardshipFloor().ratio() == null ? BigDecimal.ONE
                : document.hardshipFloor().ratio();
    }

    /** The categories the floor counts; null: every hardship category. */
    public static List<String> hardshipCategories(CampaignDocument document) {
        return document.hardshipFloor() == null || document.hardshipFloor().categories() == null
                || document.hardshipFloor().categories().isEmpty() ? null : document.hardshipFloor().categories();
    }

    public static List<String> reductionReasons(CampaignDocument document) {
        return document.targetReductions() == null || document.targetReductions().reasons() == null ? List.of()
                : document.targetReductions().reasons();
    }

    /** The days a recurring bulletin falls on, in order. */
    public static List<LocalDate> bulletinDays(List<CampaignDocument.Bulletin> bulletins) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (CampaignDocument.Bulletin b : bulletins == null ? List.<CampaignDocument.Bulletin>of() : bulletins) {
            LocalDate from = LocalDate.parse(b.from());
            LocalDate until = LocalDate.parse(b.until());
            String every = b.every().toUpperCase(Locale.ROOT);
            for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
                if (every.equals("DAY") || d.getDayOfWeek() == DayOfWeek.valueOf(every)) {
                    days.add(d);
                }
            }
        }
        return List.copyOf(days);
    }

    /** The checkpoints and the bulletins' days as one list in cut-off order (a bulletin counts up to 00:00 of its day). */
    public static List<CampaignDocument.Checkpoint> schedule(CampaignDocument document) {
        List<CampaignDocument.Checkpoint> all = new ArrayList<>(document.checkpoints() == null ? List.of() : document.checkpoints());
        Set<OffsetDateTime> dated = new TreeSet<>();
        all.forEach(c -> dated.add(BusinessTime.cutoff(c.cutoff(), "cutoff")));
        for (LocalDate day : bulletinDays(document.bulletins())) {
            OffsetDateTime cutoff = day.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
            if (dated.add(cutoff)) {
                all.add(new CampaignDocument.Checkpoint(cutoff.toString(), null));
            }
        }
        all.sort(Comparator.comparing(c -> BusinessTime.cutoff(c.cutoff(), "cutoff")));
        return all;
    }

    /**
     * What contradicts itself or is out of range in the rules, each as {@code campaign.at} (JSON path, reason).
     * {@code anyEligible}: whether the allocation table gives any unit an eligible population.
     */
    public static List<Message> problems(CampaignDocument d, boolean anyEligible) {
        List<Message> problems = new ArrayList<>();
        List<CampaignDocument.Checkpoint> checkpoints = d.checkpoints() == null ? List.of() : d.checkpoints();
        List<OffsetDateTime> seen = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            CampaignDocument.Checkpoint c = checkpoints.get(i);
            String at = "$.checkpoints[" + i + "]";
            if (c == null || c.cutoff() == null) {
                problems.add(at(at + ".cutoff", Message.of("campaign.missing")));
                seen.add(null);
                continue;
            }
            OffsetDateTime cutoff;
            try {
                cutoff = BusinessTime.cutoff(c.cutoff(), "cutoff");
            } catch (RuntimeException e) {
                problems.add(at(at + ".cutoff", Message.of("campaign.not-cutoff", "cutoff", c.cutoff())));
                seen.add(null);
                continue;
            }
            int twin = seen.indexOf(cutoff);
            if (twin >= 0) {
                problems.add(at(at + ".cutoff", Message.of("campaign.same-cutoff", "$.checkpoints[" + twin + "]")));
            }
            seen.add(cutoff);
            if (c.requiredRatio() != null && !share(c.requiredRatio())) {
                problems.add(at(at + ".requiredRatio", Message.of("campaign.not-share", c.requiredRatio())));
            }
            if (c.ratioOf() != null && !Set.of("target", "eligible").contains(c.ratioOf())) {
                problems.add(at(at + ".ratioOf", Message.of("field.not-one-of", "ratioOf", c.ratioOf(), "target, eligible")));
            } else if (c.ofEligible() && c.requiredRatio() == null) {
                problems.add(at(at + ".ratioOf", Message.of("campaign.ratio-of-without-ratio")));
            } else if (c.ofEligible() && !anyEligible) {
                problems.add(at(at + ".ratioOf", Message.of("campaign.ratio-of-no-eligible")));
            }
        }
        for (int i = 0; i < checkpoints.size(); i++) {
            for (int j = 0; j < checkpoints.size(); j++) {
                CampaignDocument.Checkpoint a = checkpoints.get(i);
                CampaignDocument.Checkpoint b = checkpoints.get(j);
                if (i != j && a != null && b != null && a.requiredRatio() != null && b.requiredRatio() != null
                        && seen.get(i) != null && seen.get(j) != null && seen.get(i).isBefore(seen.get(j))
                        && a.ofEligible() == b.ofEligible() && a.requiredRatio().compareTo(b.requiredRatio()) > 0) {
                    problems.add(at("$.checkpoints[" + j + "].requiredRatio",
                            Message.of("campaign.ratio-falls", b.requiredRatio(), "$.checkpoints[" + i + "]", a.requiredRatio())));
                }
            }
        }
        List<CampaignDocument.Bulletin> bulletins = d.bulletins() == null ? List.of() : d.bulletins();
        for (int i = 0; i < bulletins.size(); i++) {
            CampaignDocument.Bulletin b = bulletins.get(i);
            String at = "$.bulletins[" + i + "]";
            if (b == null || b.every() == null || !EVERY.contains(b.every().toUpperCase(Locale.ROOT))) {
                problems.add(at(at + ".every", Message.of("field.not-one-of", "every", b == null ? null : b.every(),
                        "DAY, MONDAY … SUNDAY")));
            }
            LocalDate from = date(b == null ? null : b.from(), at + ".from", problems);
            LocalDate until = date(b == null ? null : b.until(), at + ".until", problems);
            if (from != null && until != null && until.isBefore(from)) {
                problems.add(at(at + ".until", Message.of("campaign.until-before-from", b.until(), b.from())));
            }
        }
        if (d.bottomN() != null && d.bottomN() < 0) {
            problems.add(at("$.bottomN", Message.of("campaign.negative", "bottomN", d.bottomN())));
        }
        if (d.bottomInARow() != null && d.bottomInARow() < 1) {
            problems.add(at("$.bottomInARow", Message.of("campaign.below-one", "bottomInARow", d.bottomInARow())));
        }
        if (d.hardshipFloor() != null) {
            if (d.hardshipFloor().ratio() == null) {
                problems.add(at("$.hardshipFloor.ratio", Message.of("campaign.missing")));
            } else if (!share(d.hardshipFloor().ratio())) {
                problems.add(at("$.hardshipFloor.ratio", Message.of("campaign.not-share", d.hardshipFloor().ratio())));
            }
            blanks(d.hardshipFloor().categories(), "$.hardshipFloor.categories", problems);
        }
        if (d.targetReductions() != null) {
            if (d.targetReductions().reasons() == null || d.targetReductions().reasons().isEmpty()) {
                problems.add(at("$.targetReductions.reasons", Message.of("campaign.missing")));
            }
            blanks(d.targetReductions().reasons(), "$.targetReductions.reasons", problems);
        }
        blanks(d.taxOffices(), "$.taxOffices", problems);
        return problems;
    }

    /** The award rule's own contradictions. */
    public static List<Message> problems(AwardRules awards) {
        List<Message> problems = new ArrayList<>();
        if (awards.minRatio() != null && !share(awards.minRatio())) {
            problems.add(at("$.awards.minRatio", Message.of("campaign.not-share", awards.minRatio())));
        }
        if (awards.topN() != null && awards.topN() < 0) {
            problems.add(at("$.awards.topN", Message.of("campaign.negative", "topN", awards.topN())));
        }
        if (awards.cutoff() != null) {
            cutoff(awards.cutoff(), "$.awards.cutoff", problems);
        }
        return problems;
    }

    /** The incentive rules' own contradictions: bands must be distinct, amounts not negative. */
    public static List<Message> problems(IncentiveRules rules) {
        List<Message> problems = new ArrayList<>();
        if (rules.cutoff() != null) {
            cutoff(rules.cutoff(), "$.incentives.cutoff", problems);
        }
        List<IncentiveRules.Band> bands = rules.bands() == null ? List.of() : rules.bands();
        if (rules.bands() == null) {
            problems.add(at("$.incentives.bands", Message.of("campaign.missing")));
        }
        for (int i = 0; i < bands.size(); i++) {
            IncentiveRules.Band b = bands.get(i);
            String at = "$.incentives.bands[" + i + "]";
            if (b == null || b.minRatio() == null || b.perPerson() == null) {
                problems.add(at(at, Message.of("campaign.band-incomplete")));
                continue;
            }
            if (b.minRatio().signum() < 0) {
                problems.add(at(at + ".minRatio", Message.of("campaign.negative", "minRatio", b.minRatio())));
            }
            if (b.perPerson().signum() < 0) {
                problems.add(at(at + ".perPerson", Message.of("campaign.negative", "perPerson", b.perPerson())));
            }
            for (int j = 0; j < i; j++) {
                IncentiveRules.Band o = bands.get(j);
                if (o != null && o.minRatio() != null && o.minRatio().compareTo(b.minRatio()) == 0) {
                    problems.add(at(at + ".minRatio", Message.of("campaign.band-twice", b.minRatio(), "$.incentives.bands[" + j + "]")));
                }
            }
        }
        if (rules.shortfallAt() != null && !Set.of(IncentiveRules.WINDOW_END, IncentiveRules.LATEST).contains(rules.shortfallAt())) {
            problems.add(at("$.incentives.shortfallAt", Message.of("field.not-one-of", "shortfallAt", rules.shortfallAt(),
                    IncentiveRules.WINDOW_END + ", " + IncentiveRules.LATEST)));
        }
        List<IncentiveRules.Deduction> deductions = rules.deductions() == null ? List.of() : rules.deductions();
        for (int i = 0; i < deductions.size(); i++) {
            IncentiveRules.Deduction x = deductions.get(i);
            String at = "$.incentives.deductions[" + i + "]";
            if (x == null || x.amount() == null) {
                problems.add(at(at + ".amount", Message.of("campaign.missing")));
                continue;
            }
            if (x.amount().signum() <= 0) {
                problems.add(at(at + ".amount", Message.of("field.not-positive", "amount")));
            }
            if (x.belowRatio() == null && x.hardshipBelowRatio() == null) {
                problems.add(at(at, Message.of("campaign.deduction-without-condition")));
            }
        }
        return problems;
    }

    public static Message at(String path, Message reason) {
        return Message.of("campaign.at", path, reason);
    }

    private static boolean share(BigDecimal ratio) {
        return ratio.signum() > 0 && ratio.compareTo(BigDecimal.ONE) <= 0;
    }

    private static void blanks(List<String> values, String path, List<Message> problems) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                problems.add(at(path + "[" + i + "]", Message.of("campaign.missing")));
            }
        }
    }

    private static LocalDate date(String value, String path, List<Message> problems) {
        if (value == null) {
            problems.add(at(path, Message.of("campaign.missing")));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(at(path, Message.of("field.not-date", path.substring(path.lastIndexOf('.') + 1), value)));
            return null;
        }
    }

    private static void cutoff(String value, String path, List<Message> problems) {
        try {
            BusinessTime.cutoff(value, "cutoff");
        } catch (RuntimeException e) {
            problems.add(at(path, Message.of("campaign.not-cutoff", "cutoff", value)));
        }
    }
}
