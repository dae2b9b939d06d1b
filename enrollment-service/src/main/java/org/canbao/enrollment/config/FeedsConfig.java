package org.canbao.enrollment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** When a department's feed counts as missing, and how much its list may change from one feed to the next. */
@ConfigMapping(prefix = "canbao.feeds")
public interface FeedsConfig {
    /** A feed older than this is missing: departments send monthly. */
    @WithDefault("P35D")
    Duration maxAge();

    /** A list that shrank or grew by more than this share since the feed before is flagged. */
    @WithDefault("0.2")
    BigDecimal maxChange();
}
