package org.canbao.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canbao.contracts.EventCodec;

/**
 * A region folder as {@code ./canbao load} reads it ({@code deploy/regions/<region>-<year>}): the allocation table
 * ({@code targets.csv}), the policy ({@code policy.json}) and the campaign's rules ({@code campaign.json}).
 */
public record RegionFiles(String region, int year, List<Row> rows, JsonNode policy, JsonNode campaign) {

    /** One row of the allocation table; {@code target} null for a unit that only adds up its children. */
    public record Row(String name, String kind, String parent, Long target, boolean ranked) {
    }

    public static RegionFiles read(Path dir) {
        String folder = dir.getFileName().toString();
        int dash = folder.lastIndexOf('-');
        if (dash < 1) {
            throw new IllegalArgumentException(dir + ": a region folder is named <region>-<year>");
        }
        try {
            return new RegionFiles(folder.substring(0, dash), Integer.parseInt(folder.substring(dash + 1)),
                    rows(Files.readAllLines(dir.resolve("targets.csv"))),
                    EventCodec.mapper().readTree(dir.resolve("policy.json").toFile()),
                    EventCodec.mapper().readTree(dir.resolve("campaign.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> rows(List<String> lines) {
        List<String> header = List.of(lines.get(0).strip().split(","));
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String target = cell(cells, column.get("target"));
            String ranked = cell(cells, column.get("ranked"));
            String parent = cell(cells, column.getOrDefault("parent", column.get("parent_name")));
            rows.add(new Row(cells[0].strip(), cell(cells, column.get("unit_kind")), parent.isEmpty() ? null : parent,
                    target.isEmpty() ? null : Long.parseLong(target), !ranked.equalsIgnoreCase("false")));
        }
        return rows;
    }

    private static String cell(String[] cells, Integer index) {
        return index == null || index >= cells.length ? "" : cells[index].strip();
    }

    /** The units persons live in: rows with a target and no children. */
    public List<Row> leaves() {
        return rows.stream().filter(r -> r.target() != null && rows.stream().noneMatch(c -> r.name().equals(c.parent()))).toList();
    }
}
