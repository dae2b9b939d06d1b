package org.canbao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.canbao.platform.batch.Refused;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.math.BigDecimal;
import org.canbao.contracts.EventCodec;
import org.canbao.reporting.domain.AwardRules;
import org.canbao.reporting.domain.BottomFlags;
import org.canbao.reporting.domain.CampaignRules;
import org.canbao.reporting.domain.Reconciliation;
import org.canbao.reporting.domain.TargetReductions;
import org.canbao.reporting.domain.BusinessTime;
import org.canbao.reporting.domain.IncentiveRules;
import org.canbao.reporting.domain.CheckpointBulletin;
import org.canbao.reporting.domain.CoverageProjection;
import org.canbao.reporting.domain.UnitCounts;
import org.canbao.reporting.domain.UnitProgress;
import org.canbao.reporting.domain.Trend;
import org.canbao.reporting.domain.UnitTarget;
import org.canbao.reporting.domain.UnitTree;
import org.canbao.reporting.persistence.Campaign;
import org.canbao.reporting.persistence.CampaignUnit;
import org.canbao.reporting.persistence.CoverageCounts;
import org.canbao.reporting.persistence.CoverageCounts.PlaceCounts;
import org.canbao.reporting.domain.CampaignDocument;

/** Answers progress questions from the coverage projection: per unit, per child unit, at checkpoints. */
@ApplicationScoped
public class Progress {
    /** Counting "as of" no instant means counting everything known. */
    private static final OffsetDateTime END_OF_TIME = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    /**
     * {@code bottom}: the listed units among the last {@code bottomN} ranked (the campaign's setting, default 3);
     * {@code hardshipBelowFloor}: the listed units whose hardship coverage is below {@code hardshipFloor};
     * {@code targetReductions}: persons by which a listed unit's target was reduced (核减).
     */
    public record ProgressView(int policyYear, OffsetDateTime asOf, String parent, UnitProgress total,
                               List<UnitProgress> units, List<String> bottom, int bottomN, BigDecimal hardshipFloor,
                               List<String> hardshipBelowFloor, Map<String, Long> targetReductions) {
    }

    private final CoverageCounts counts;
    private final Campaigns campaigns;
    private final Map<String, Loaded> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public Progress(CoverageCounts counts, Campaigns campaigns) {
        this.counts = counts;
        this.campaigns = campaigns;
    }

    @Transactional
    public ProgressView progress(String region, int year, OffsetDateTime asOf, String parent) {
        return progress(region, year, asOf, parent, null);
    }

    /**
     * As a supervisor scoped to {@code scope} sees it (null: the whole deployment): their own unit among its peers,
     * the villages of their township, and no other unit's children.
     */
    @Transactional
    public ProgressView progress(String region, int year, OffsetDateTime asOf, String parent, String scope) {
        Loaded campaign = loaded(region, year);
        CampaignDocument document = campaign.document();
        List<UnitTarget> given = campaign.targets();
        Map<String, Long> excluded = counts.excludedByPlace(year, CampaignRules.reductionReasons(document));
        List<UnitTarget> targets = TargetReductions.apply(given, excluded);
        UnitTree tree = UnitTree.of(targets);
        List<String> categories = CampaignRules.hardshipCategories(document);
        // the live counters count every hardship category: a campaign that counts only some aggregates, as for a past instant
        List<PlaceCounts> places = asOf == null && categories == null ? counts.now(year)
                : counts.asOf(year, asOf == null ? END_OF_TIME : asOf, categories);
        if (parent != null && targets.stream().noneMatch(t -> t.name().equals(parent))
                && places.stream().noneMatch(p -> parent.equals(p.township()))) {
            throw Refused.notFound("progress.unknown-unit", year, parent);
        }
        List<UnitTarget> units;
        if (!tree.hierarchical()) {
            units = parent == null ? targets : children(parent, places, targets);
        } else if (parent == null) {
            units = tree.roots();
        } else {
            units = tree.children(parent).isEmpty() ? children(parent, places, targets) : tree.children(parent);
        }
        Set<String> lived = new HashSet<>();
        places.forEach(p -> {
            lived.add(p.township());
            lived.add(p.village());
        });
        Map<String, UnitCounts> byUnit = new HashMap<>();
        for (UnitTarget unit : units) {
            byUnit.put(unit.name(), tree.counts(unit.name(), lived, name -> places.stream()
                    .filter(p -> name.equals(p.township()) || name.equals(p.village()))
                    .map(PlaceCounts::counts).reduce(UnitCounts.NONE, UnitCounts::plus)));
        }
        List<UnitProgress> progress = CoverageProjection.progress(units, byUnit);
        List<String> bottom = BottomFlags.bottom(progress, CampaignRules.bottomN(document));
        if (scope != null) {
            progress = tree.hierarchical() && tree.has(scope) ? scoped(progress, parent, scope, tree)
                    : scoped(progress, parent, scope, places);
        }
        Set<String> shownNames = progress.stream().map(UnitProgress::name).collect(Collectors.toSet());
        BigDecimal floor = CampaignRules.hardshipFloor(document);
        Map<String, Long> reductions = new TreeMap<>();
        for (UnitTarget unit : given) {
            if (unit.target() != null && excluded.containsKey(unit.name()) && shownNames.contains(unit.name())) {
                reductions.put(unit.name(), Math.min(unit.target(), excluded.get(unit.name())));
            }
        }
        OffsetDateTime shown = asOf != null ? asOf : ZonedDateTime.now(BusinessTime.ZONE).toOffsetDateTime();
        return new ProgressView(year, shown, parent, CoverageProjection.total(progress), progress,
                bottom.stream().filter(shownNames::contains).toList(), CampaignRules.bottomN(document), floor, BottomFlags.belowHardshipFloor(progress, floor),
                reductions);
    }

    @Transactional
    public List<CheckpointBulletin> checkpoints(String region, int year) {
        Loaded campaign = loaded(region, year);
        CampaignDocument document = campaign.document();
        Map<String, Long> eligible = new HashMap<>();
        campaign.targets().forEach(t -> {
            if (t.eligible() != null) {
                eligible.put(t.name(), t.eligible());
            }
        });
        List<CheckpointBulletin> bulletins = CampaignRules.schedule(document).stream()
                .map(c -> {
                    OffsetDateTime cutoff = BusinessTime.cutoff(c.cutoff(), "cutoff");
                    return CheckpointBulletin.of(cutoff, c.requiredRatio(), c.ratioOf(), eligible,
                            progress(region, year, cutoff, null).units(), CampaignRules.bottomN(document),
                            CampaignRules.hardshipFloor(document));
                })
                .toList();
        int inARow = CampaignRules.bottomInARow(document);
        List<List<String>> called = BottomFlags.inARow(bulletins.stream().map(CheckpointBulletin::bottom).toList(), inARow);
        return java.util.stream.IntStream.range(0, bulletins.size())
                .mapToObj(i -> bulletins.get(i).calling(inARow, called.get(i))).toList();
    }

    public record AwardsView(int policyYear, OffsetDateTime cutoff, AwardRules rules, List<AwardRules.Award> awards) {
    }

    public record IncentivesView(int policyYear, OffsetDateTime cutoff, List<IncentiveRules.Incentive> units) {
    }

    /** Pingjiang's rules unless the campaign gives its own: at least 98 % and within the top 15 at the last cut-off. */
    @Transactional
    public AwardsView awards(String region, int year) {
        CampaignDocument document = loaded(region, year).document();
        AwardRules given = rules(document.awards(), AwardRules.class, year);
        AwardRules rules = new AwardRules(given == null ? null : given.cutoff(),
                given == null || given.minRatio() == null ? new BigDecimal("0.98") : given.minRatio(),
                given == null || given.topN() == null ? 15 : given.topN());
        OffsetDateTime cutoff = cutoff(rules.cutoff(), document, year);
        return new AwardsView(year, cutoff, rules, rules.awards(progress(region, year, cutoff, null).units()));
    }

    @Transactional
    public IncentivesView incentives(String region, int year) {
        CampaignDocument document = loaded(region, year).document();
        IncentiveRules rules = rules(document.incentives(), IncentiveRules.class, year);
        if (rules == null || rules.bands() == null) {
            throw Refused.notFound("campaign.no-incentives", year);
        }
        OffsetDateTime cutoff = cutoff(rules.cutoff(), document, year);
        List<UnitProgress> atCutoff = progress(region, year, cutoff, null).units();
        Map<String, Long> late = new HashMap<>();
        progress(region, year, null, null).units().forEach(u -> late.put(u.name(),
                u.enrolled() - atCutoff.stream().filter(c -> c.name().equals(u.name())).mapToLong(UnitProgress::enrolled).sum()));
        return new IncentivesView(year, cutoff, rules.incentives(atCutoff, late));
    }

    /**
     * A unit's enrolments day by day against its target and the checkpoints (null unit: the whole deployment, whose
     * curve every township sees in the bulletins). A supervisor scoped to a unit sees its own and its villages'.
     */
    @Transactional
    public Trend trend(String region, int year, String unit, String scope) {
        Loaded campaign = loaded(region, year);
        CampaignDocument document = campaign.document();
        UnitTree tree = UnitTree.of(campaign.targets());
        if (unit != null && !tree.has(unit)) {
            throw Refused.notFound("progress.unknown-unit", year, unit);
        }
        if (scope != null && unit != null && !tree.within(unit, scope) && counts.now(year).stream()
                .noneMatch(p -> unit.equals(p.village()) && scope.equals(p.township()))) {
            throw Refused.forbidden("scope.outside", unit, scope);
        }
        Long target = unit == null ? progress(region, year, null, null).total().target() : tree.withTarget(unit).target();
        List<Trend.Line> lines = (document.checkpoints() == null ? List.<CampaignDocument.Checkpoint>of() : document.checkpoints())
                .stream().filter(c -> c.requiredRatio() != null).map(c -> new Trend.Line(BusinessTime.cutoff(c.cutoff(), "cutoff").minusNanos(1)
                        .atZoneSameInstant(BusinessTime.ZONE).toLocalDate(), c.requiredRatio())).toList();
        return Trend.of(year, unit, target, counts.perDay(year, unit == null ? null : tree.subtree(unit)), lines);
    }

    /** The year's payments of this region's persons against its tax offices: those to another office flagged. */
    @Transactional
    public Reconciliation reconciliation(String region, int year) {
        Loaded campaign = loaded(region, year);
        CampaignDocument document = campaign.document();
        List<String> units = campaign.targets().stream().map(UnitTarget::name).toList();
        return Reconciliation.of(year, document.taxOffices(), counts.payments(year, units));
    }

    /** A campaign's document and targets as last read: kept while its row's {@code updated_at} stays the same. */
    private record Loaded(Instant updatedAt, CampaignDocument document, List<UnitTarget> targets) {
    }

    /**
     * The campaign, read again only when it changed (another instance may have put it): live progress is asked many
     * times a second, and reading and parsing the document and its units was most of an answer's own work (profile
     * of 3 December).
     */
    private Loaded loaded(String region, int year) {
        Instant updatedAt = Campaign.updatedAt(region, year).orElseThrow(() -> Refused.notFound("campaign.none", year));
        String key = region + "/" + year;
        Loaded known = cache.get(key);
        if (known != null && known.updatedAt().equals(updatedAt)) {
            return known;
        }
        List<UnitTarget> targets = CampaignUnit.targetsOf(region, year);
        if (targets.isEmpty()) {
            throw Refused.notFound("campaign.none", year);
        }
        Loaded fresh = new Loaded(updatedAt,
                campaigns.document(region, year).orElseThrow(() -> Refused.notFound("campaign.none", year)), targets);
        cache.put(key, fresh);
        return fresh;
    }

    /** The rules' own cut-off, else the last checkpoint's, else the end of the enrollment year. */
    private static OffsetDateTime cutoff(String own, CampaignDocument document, int year) {
        if (own != null) {
            return BusinessTime.cutoff(own, "cutoff");
        }
        List<CampaignDocument.Checkpoint> checkpoints = document.checkpoints() == null ? List.of() : document.checkpoints();
        return checkpoints.isEmpty() ? BusinessTime.cutoff((year - 1) + "-12-31", "cutoff")
                : checkpoints.stream().map(c -> BusinessTime.cutoff(c.cutoff(), "cutoff")).max(OffsetDateTime::compareTo).get();
    }

    private static <T> T rules(com.fasterxml.jackson.databind.JsonNode node, Class<T> type, int year) {
        if (node == null || node.isNull() || !node.isObject()) {
            return null;
        }
        try {
            return EventCodec.mapper().treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the " + year + " campaign's " + type.getSimpleName() + " cannot be read: "
                    + e.getOriginalMessage());
        }
    }


    /** The rows a scoped supervisor sees, ranked among all units as everyone else sees them. */
    private static List<UnitProgress> scoped(List<UnitProgress> units, String parent, String scope, List<PlaceCounts> places) {
        String townshipOfScope = places.stream().filter(p -> scope.equals(p.village())).map(PlaceCounts::township)
                .findFirst().orElse(null);
        String townshipOfParent = parent == null ? null : places.stream().filter(p -> parent.equals(p.village()))
                .map(PlaceCounts::township).findFirst().orElse(null);
        if (parent != null && (parent.equals(scope) || scope.equals(townshipOfParent))) {
            return units;
        }
        if (parent == null || parent.equals(townshipOfScope)) {
            return units.stream().filter(u -> u.name().equals(scope)).toList();
        }
        throw Refused.forbidden("scope.outside", parent, scope);
    }

    /**
     * The same in a campaign whose units form a tree: a supervisor of a unit sees its subtree whole, and above it only
     * the rows of the units it lies within (its own row among its peers).
     */
    private static List<UnitProgress> scoped(List<UnitProgress> units, String parent, String scope, UnitTree tree) {
        if (parent != null && tree.within(parent, scope)) {
            return units;
        }
        List<UnitProgress> own = units.stream().filter(u -> tree.within(scope, u.name())).toList();
        if (own.isEmpty()) {
            throw Refused.forbidden("scope.outside", parent, scope);
        }
        return own;
    }

    /** The villages of a township, with a target where the campaign gave one. */
    private static List<UnitTarget> children(String parent, List<PlaceCounts> places, List<UnitTarget> targets) {
        Map<String, UnitTarget> defined = targets.stream().collect(Collectors.toMap(UnitTarget::name, Function.identity()));
        Map<String, UnitTarget> children = new TreeMap<>();
        places.stream().filter(p -> parent.equals(p.township()) && p.village() != null).forEach(p ->
                children.putIfAbsent(p.village(), defined.getOrDefault(p.village(), new UnitTarget(p.village(), "village", null, false))));
        return List.copyOf(children.values());
    }
}
