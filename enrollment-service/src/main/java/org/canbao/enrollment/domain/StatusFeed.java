package org.canbao.enrollment.domain;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A department's list of who is in which category. A snapshot replaces the department's previous list:
 * whoever it no longer names is removed. A delta adds and removes named entries only. What changes is the
 * difference between the list before and after, so naming an entry twice in one batch cannot add and remove it.
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
     * @param kept ID numbers a snapshot must not remove for being absent: those on rejected lines (a typo must
     *             not cost anyone their category), or everyone when a line could not be read at all
     */
    public static Changes apply(Set<Entry> current, List<Line> lines, Mode mode, Set<String> kept) {
        Set<Entry> state = new LinkedHashSet<>(current);
        Set<Entry> named = new HashSet<>();
        int changed = 0;
        for (Line line : lines) {
            named.add(line.entry());
            if (line.action() == Action.REMOVE ? state.remove(line.entry()) : state.add(line.entry())) {
                changed++;
            }
        }
        if (mode == Mode.SNAPSHOT) {
            state.removeIf(e -> current.contains(e) && !named.contains(e) && !kept.contains(e.idNumber()));
        }
        List<Entry> added = state.stream().filter(e -> !current.contains(e)).toList();
        List<Entry> removed = current.stream().filter(e -> !state.contains(e)).toList();
        return new Changes(added, removed, changed, lines.size() - changed);
    }
}
