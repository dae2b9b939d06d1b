package org.canbao.enrollment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.canbao.enrollment.domain.DepartmentCategories;

/** {@code canbao.departments.<department>=CATEGORY,...}: the categories each department may report. */
@ConfigMapping(prefix = "canbao.departments")
public interface DepartmentsConfig {
    @WithParentName
    Map<String, Set<String>> categories();

    class Producer {
        @Produces
        @Singleton
        DepartmentCategories departmentCategories(DepartmentsConfig config) {
            return new DepartmentCategories(config.categories().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }
}
