package org.canbao.platform.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.config.CanbaoConfig;

/**
 * The pooling region (统筹区) a call acts on: the one its path names ({@code /api/v1/regions/{regionCode}/…}, set by
 * the service's {@code RegionsResource} before it hands the call on), else the deployment's default region.
 */
@RequestScoped
public class RegionPath {
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}_-]{1,40}");

    @Inject
    CanbaoConfig config;

    private String named;

    /** The region the path names; refused when it is not a code. */
    public void name(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInput("region.code-invalid", code == null ? "" : code);
        }
        named = code;
    }

    public String code() {
        return named != null ? named : config.defaultRegion();
    }
}
