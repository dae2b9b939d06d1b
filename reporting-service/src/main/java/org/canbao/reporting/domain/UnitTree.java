package org.canbao.reporting.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;

/**
 * The campaign's units as a tree (province → city → county → township → village), each knowing its parent. Persons
 * are counted where they live (a township or village name on the roster); a unit no one lives in directly (a county,
 * a city) counts what its children count, and a unit without a target of its own gets the sum of its children's.
 */
public final class UnitTree {
    private final Map<String, UnitTarget> units = new LinkedHashMap<>();
    private final Map<String, List<UnitTarget>> children = new LinkedHashMap<>();

    private UnitTree(List<UnitTarget> list) {
        list.forEach(u -> units.put(u.name(), u));
        list.forEach(u -> {
            if (u.parent() != null) {
                children.computeIfAbsent(u.parent(), p -> new ArrayList<>()).add(u);
            }
        });
    }

    /** The tree of these units, or the reasons it is none: a parent that is not a unit, or a unit its own ancestor. */
    public static UnitTree of(List<UnitTarget> list) {
        UnitTree tree = new UnitTree(list);
        List<Message> errors = tree.problems();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.get(0).render(Language.EN));
        }
        return tree;
    }

    /** Why these units form no tree (empty when they do). */
    public static List<Message> problems(List<UnitTarget> list) {
        return new UnitTree(list).problems();
    }

    private List<Message> problems() {
        List<Message> errors = new ArrayList<>();
        for (UnitTarget u : units.values()) {
            if (u.parent() == null) {
                continue;
            }
            if (!units.containsKey(u.parent())) {
                errors.add(Message.of("campaign.unknown-parent", u.name(), u.parent()));
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (String at = u.name(); at != null; at = units.containsKey(at) ? units.get(at).parent() : null) {
                if (!seen.add(at)) {
                    errors.add(Message.of("campaign.parent-circle", u.name(), at));
                    break;
                }
            }
        }
        return errors;
    }

    /** Whether any unit names a parent: without one, every unit is a top-level unit as before. */
    public boolean hierarchical() {
        return !children.isEmpty();
    }

    public boolean has(String name) {
        return units.containsKey(name);
    }

    /** The units at the top: those without a parent, in the table's order. */
    public List<UnitTarget> roots() {
        return units.values().stream().filter(u -> u.parent() == null).map(u -> withTarget(u.name())).toList();
    }

    /** A unit's children as the campaign defines them, with their rolled-up targets; empty when it defines none. */
    public List<UnitTarget> children(String name) {
        return children.getOrDefault(name, List.of()).stream().map(u -> withTarget(u.name())).toList();
    }

    /** Whether {@code unit} is {@code ancestor} or lies within it. */
    public boolean within(String unit, String ancestor) {
        Set<String> seen = new HashSet<>();
        for (String at = unit; at != null && seen.add(at); at = units.containsKey(at) ? units.get(at).parent() : null) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The unit with its own target, else the sum of its children's (null when none of them has one). */
    public UnitTarget withTarget(String name) {
        UnitTarget unit = units.get(name);
        return unit.target() != null ? unit : unit.withTarget(target(name));
    }

    private Long target(String name) {
        UnitTarget unit = units.get(name);
        if (unit.target() != null) {
            return unit.target();
        }
        Long sum = null;
        for (UnitTarget child : children.getOrDefault(name, List.of())) {
            Long t = target(child.name());
            if (t != null) {
                sum = (sum == null ? 0 : sum) + t;
            }
        }
        return sum;
    }

    /**
     * A unit's counts: those of the persons living in it when anyone does ({@code lived} names the townships and
     * villages on the roster, {@code direct} counts one), else the sum of its children's.
     */
    public UnitCounts counts(String name, Set<String> lived, Function<String, UnitCounts> direct) {
        if (lived.contains(name) || !children.containsKey(name)) {
            return direct.apply(name);
        }
        UnitCounts sum = UnitCounts.NONE;
        for (UnitTarget child : children.get(name)) {
            sum = sum.plus(counts(child.name(), lived, direct));
        }
        return sum;
    }

    /** The unit and every unit within it. */
    public List<String> subtree(String name) {
        List<String> names = new ArrayList<>(List.of(name));
        for (int i = 0; i < names.size(); i++) {
            children.getOrDefault(names.get(i), List.of()).forEach(c -> names.add(c.name()));
        }
        return names;
    }
}
