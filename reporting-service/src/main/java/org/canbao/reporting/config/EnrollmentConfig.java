package org.canbao.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where enrollment-service answers, for the departments' feed health the dashboard shows. */
@ConfigMapping(prefix = "canbao.enrollment")
public interface EnrollmentConfig {
    @WithDefault("http://localhost:8081")
    String url();
}
