package org.canbao.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.canbao.platform.config.CanbaoConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the unit a caller is scoped to, once per request, into the identity's {@link CallerScope#ATTRIBUTE}: from the
 * bearer token's unit claim ({@code canbao.security.unit-claim}), or for a local Basic user from
 * {@code canbao.security.local-scopes.<user>}. A caller without one sees the whole deployment.
 */
@ApplicationScoped
public class UnitScopes implements SecurityIdentityAugmentor {
    private final CanbaoConfig.Security config;

    public UnitScopes(CanbaoConfig config) {
        this.config = config.security();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String unit = identity.getPrincipal() instanceof JsonWebToken token ? text(token.getClaim(config.unitClaim()))
                : config.localScopes().get(identity.getPrincipal().getName());
        if (unit == null || unit.isBlank()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(CallerScope.ATTRIBUTE, unit.strip()).build());
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }
}
