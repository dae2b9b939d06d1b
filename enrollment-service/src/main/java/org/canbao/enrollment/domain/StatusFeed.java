package org.canbao.enrollment.domain;

import java.time.LocalDate;
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

    /**
     * What the feed changes; {@code unchangedLines} named something already in effect, and {@code confirmed} holds
     * those entries (they stay), which a list of a later year recognises again ({@link #renews}).
     */
    public record Changes(List<Entry> added, List<Entry> removed, List<Entry> confirmed, int changedLines,
                          int unchangedLines) {
    }

    private StatusFeed() {
    }

    /**
     * @param kept ID numbers a snapshot must not remove for being absent: those on rejected lines (a typo must
     *             not cost anyone their category), or everyone when a line could not be read at all
     */
    public static Changes apply(Set<Entry> current, List<Line> lines, Mode mode, Set<String> kept) {
        return apply(current, lines, mode, kept, Set.of());
    }

    /**
     * @param otherLists entries in force that belong to another list of the department (another pooling region's):
     *                   a snapshot replaces its own list only, so their absence removes nothing; naming one changes
     *                   nothing either
     */
    public static Changes apply(Set<Entry> current, List<Line> lines, Mode mode, Set<String> kept, Set<Entry> otherLists) {
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
            state.removeIf(e -> current.contains(e) && !named.contains(e) && !kept.contains(e.idNumber())
                    && !otherLists.contains(e));
        }
        List<Entry> added = state.stream().filter(e -> !current.contains(e)).toList();
        List<Entry> removed = current.stream().filter(e -> !state.contains(e)).toList();
        List<Entry> confirmed = lines.stream().filter(l -> l.action() == Action.ADD).map(Line::entry)
                .filter(e -> current.contains(e) && state.contains(e)).distinct().toList();
        return new Changes(added, removed, confirmed, changed, lines.size() - changed);
    }

    /**
     * Whether a list dated {@code named} recognises again an entry last recognised on {@code lastRecognised}: when it
     * is of a later calendar year. A hardship status belongs to the period it was recognised for (POLICY.md), and the
     * departments' base lists are yearly; monthly lists of the same year renew nothing, so a renewal is sent at most
     * once a year per person, department and category.
     */
    public static boolean renews(LocalDate lastRecognised, LocalDate named) {
        return named.getYear() > lastRecognised.getYear();
    }
}
