package org.canbao.enrollment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** {@code canbao.exclusions.reasons}: why a person may be left out of a campaign's target (核减), as codes. */
@ConfigMapping(prefix = "canbao.exclusions")
public interface ExclusionsConfig {
    @WithDefault("EMPLOYEE_INSURED,ENROLLED_ELSEWHERE,STUDENT_AT_SCHOOL,DECEASED,MILITARY_SERVICE,MOVED_OUT,LIVING_ABROAD,"
            + "IMPRISONED,DUPLICATE_REGISTRATION,OTHER_INSURANCE")
    Set<String> reasons();
}
