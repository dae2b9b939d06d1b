package org.canbao.reporting.service;

import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.config.CanbaoConfig;
import org.canbao.platform.i18n.Message;
import org.canbao.platform.rest.StrictJson;
import org.canbao.reporting.domain.AwardRules;
import org.canbao.reporting.domain.IncentiveRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import org.canbao.reporting.domain.CampaignRules;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.EventCodec;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.reporting.domain.CampaignTargets;
import org.canbao.reporting.domain.UnitTarget;
import org.canbao.reporting.persistence.Campaign;
import org.canbao.reporting.persistence.CampaignUnit;
import org.canbao.reporting.domain.CampaignDocument;
import org.canbao.platform.persistence.RegionYear;

/** Defines campaigns: their units and targets, checkpoints and rules; tells the other services the units. */
@ApplicationScoped
public class Campaigns {
    public record Defined(int policyYear, int units, int checkpoints, List<String> warnings) {
    }

    private final EventStore store;
    private final String defaultRegion;

    public Campaigns(EventStore store, CanbaoConfig config) {
        this.store = store;
        this.defaultRegion = config.defaultRegion();
    }

    /** Every region's campaign years, for those who watch them all. */
    public List<RegionYear> all() {
        return Campaign.<Campaign>listAll().stream().map(c -> new RegionYear(c.region, c.policyYear)).toList();
    }

    /**
     * A campaign document as sent, read strictly: an unknown field, a value of the wrong type or rules that contradict
     * each other are refused together, each with its JSON path ({@code $.incentives.bands[1].perPerson}) and reason.
     */
    @Transactional
    public Defined put(String region, int year, JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new InvalidInput("campaign.document-required");
        }
        if (!body.isObject()) {
            throw new InvalidInput("campaign.at", "$", Message.of("campaign.not-object", type(body)));
        }
        return put(region, year, strict(body, CampaignDocument.class, "$"));
    }

    @Transactional
    public Defined put(String region, int year, CampaignDocument document) {
        CampaignTargets.Parsed parsed = targets(document.units());
        List<CampaignDocument.Checkpoint> checkpoints = document.checkpoints() == null ? List.of() : document.checkpoints();
        List<Message> problems = new ArrayList<>(CampaignRules.problems(document,
                parsed.units().stream().anyMatch(u -> u.eligible() != null)));
        AwardRules awards = rules(document.awards(), AwardRules.class, "$.awards");
        if (awards != null) {
            problems.addAll(CampaignRules.problems(awards));
        }
        IncentiveRules incentives = rules(document.incentives(), IncentiveRules.class, "$.incentives");
        if (incentives != null) {
            problems.addAll(CampaignRules.problems(incentives));
        }
        if (!problems.isEmpty()) {
            throw problems.size() == 1 ? new InvalidInput(problems.get(0)) : new InvalidInput("campaign.errors", problems.toArray());
        }
        boolean isDefault = region.equals(defaultRegion);
        String stream = Campaign.stream(region, isDefault, year);
        store.lock(List.of(stream));
        CampaignUnit.<CampaignUnit>list("policyYear = ?1 and region <> ?2 and name in ?3", year, region,
                parsed.units().stream().map(UnitTarget::name).toList()).stream().findFirst().ifPresent(u -> {
            throw new InvalidInput("region.unit-elsewhere", u.name, u.region, year);
        });
        Campaign campaign = Campaign.<Campaign>findByIdOptional(new RegionYear(region, year)).orElseGet(Campaign::new);
        campaign.region = region;
        campaign.policyYear = year;
        try {
            campaign.document = EventCodec.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign document not serialisable", e);
        }
        campaign.updatedAt = Instant.now();
        campaign.persist();
        CampaignUnit.delete("policyYear = ?1 and region = ?2", year, region);
        List<UnitTarget> units = parsed.units();
        for (int i = 0; i < units.size(); i++) {
            CampaignUnit unit = new CampaignUnit();
            unit.policyYear = year;
            unit.name = units.get(i).name();
            unit.kind = units.get(i).kind();
            unit.target = units.get(i).target();
            unit.ranked = units.get(i).ranked();
            unit.parent = units.get(i).parent();
            unit.eligible = units.get(i).eligible();
            unit.region = region;
            unit.position = i;
            unit.persist();
        }
        store.append(stream, new CampaignDefined(year, units.stream()
                .map(u -> new CampaignDefined.Unit(u.name(), u.kind(), u.target() == null ? 0 : u.target(), u.parent(), null))
                .toList(), isDefault ? null : region), Map.of("document", campaign.document));
        store.flush();
        return new Defined(year, units.size(), checkpoints.size(), parsed.warnings());
    }

    /**
     * Award and incentive rules are read when the campaign is set, so a wrong type is refused then, not ignored;
     * {@code path} is where they stand in the document.
     */
    private static <T> T rules(JsonNode node, Class<T> type, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidInput("campaign.at", path, Message.of("campaign.not-object", type(node)));
        }
        return strict(node, type, path);
    }

    /** A part of the document as its type, or a 400 naming the JSON path of the field at fault and why. */
    static <T> T strict(JsonNode node, Class<T> type, String root) {
        try {
            return new StrictJson().apply(EventCodec.mapper(), type).readValue(EventCodec.mapper().treeAsTokens(node));
        } catch (UnrecognizedPropertyException e) {
            String path = path(root, e);
            path = path.endsWith("." + e.getPropertyName()) ? path : path + "." + e.getPropertyName();
            throw new InvalidInput("campaign.at", path, Message.of("campaign.unknown-field",
                    String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())));
        } catch (JsonMappingException e) {
            throw new InvalidInput("campaign.at", path(root, e), Message.of("campaign.wrong-type",
                    e instanceof MismatchedInputException m && m.getTargetType() != null ? expected(m.getTargetType()) : "?"));
        } catch (IOException e) {
            throw new InvalidInput("campaign.at", root, Message.of("campaign.not-object", "?"));
        }
    }

    private static String path(String root, JsonMappingException e) {
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference r : e.getPath()) {
            path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return path.toString();
    }

    /** The JSON type a Java target type reads from, as a person writing the document knows them. */
    private static String expected(Class<?> target) {
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (target == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<CampaignDocument> document(String region, int year) {
        return Campaign.<Campaign>findByIdOptional(new RegionYear(region, year)).map(c -> {
            try {
                return EventCodec.mapper().readValue(c.document, CampaignDocument.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored campaign " + year + " unreadable", e);
            }
        });
    }

    private static CampaignTargets.Parsed targets(JsonNode units) {
        if (units == null || units.isNull()) {
            throw new InvalidInput("campaign.units-required");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (units.isTextual()) {
            BatchBody table = BatchBody.parse(units.asText(), BatchBody.CSV);
            if (!table.unreadable().isEmpty()) {
                throw new InvalidInput("campaign.line", table.unreadable().get(0).line(), table.unreadable().get(0).message());
            }
            for (BatchLine line : table.lines()) {
                rows.add(line.fields());
                lines.add(line.number());
            }
        } else if (units.isArray()) {
            int index = 0;
            for (JsonNode unit : units) {
                Map<String, String> row = new LinkedHashMap<>();
                unit.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
                rows.add(row);
                lines.add(++index);
            }
        } else {
            throw new InvalidInput("campaign.units-shape");
        }
        if (rows.isEmpty()) {
            throw new InvalidInput("campaign.no-units");
        }
        return CampaignTargets.read(rows, lines);
    }
}
