package org.canbao.enrollment.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A department's list of who is in which category. A snapshot replaces the department's previous list:
 * whoever it no longer names is removed. A delta adds and removes named entries only.
 */
public final class StatusFeed {
    public enum Mode { SNAPSHOT, DELTA }

    public enum Action { ADD, REMOVE }

    public record Entry(String idNumber, String category) {
    }

    public record Line(Entry entry, Action action) {
    }

    /** What the feed changes; {@code unchangedLines} named something already in effect. */
    public record Changes(List<Entry> added, List<Entry> removed, int changedLines, int unchangedLines) {
    }

    private StatusFeed() {
    }

    /**
     * @param unreadable ID numbers on lines that were rejected: a snapshot does not remove them for being
     *                   absent, since a typo must not cost anyone their category
     */
    public static Changes apply(Set<Entry> current, List<Line> lines, Mode mode, Set<String> unreadable) {
        Set<Entry> state = new HashSet<>(current);
        Set<Entry> named = new HashSet<>();
        List<Entry> added = new ArrayList<>();
        List<Entry> removed = new ArrayList<>();
        int changed = 0;
        for (Line line : lines) {
            Entry entry = line.entry();
            named.add(entry);
            boolean effect = line.action() == Action.REMOVE ? state.remove(entry) : state.add(entry);
            if (effect) {
                (line.action() == Action.REMOVE ? removed : added).add(entry);
                changed++;
            }
        }
        if (mode == Mode.SNAPSHOT) {
            current.stream().filter(e -> !named.contains(e) && !unreadable.contains(e.idNumber())).forEach(removed::add);
        }
        return new Changes(added, removed, changed, lines.size() - changed);
    }
}
