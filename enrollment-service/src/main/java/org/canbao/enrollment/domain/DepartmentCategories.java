package org.canbao.enrollment.domain;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.canbao.platform.i18n.Message;

/** Which department may report which hardship category; configuration, since it differs by region. */
public final class DepartmentCategories {
    private final Map<String, Set<String>> byDepartment;
    private final Set<String> all = new TreeSet<>();

    public DepartmentCategories(Map<String, Set<String>> byDepartment) {
        this.byDepartment = Map.copyOf(byDepartment);
        byDepartment.values().forEach(all::addAll);
    }

    /** The departments that send feeds, by name. */
    public Set<String> departments() {
        return new TreeSet<>(byDepartment.keySet());
    }

    public boolean knows(String department) {
        return byDepartment.containsKey(department);
    }

    /** Null when {@code department} may report {@code category}, else the reason it may not. */
    public Message refusal(String department, String category) {
        if (!all.contains(category)) {
            return Message.of("feed.unknown-category", category);
        }
        if (!byDepartment.getOrDefault(department, Set.of()).contains(category)) {
            return Message.of("feed.category-not-allowed", Message.department(department), Message.category(category));
        }
        return null;
    }
}
