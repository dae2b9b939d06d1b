package org.canbao.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.i18n.Message;

/**
 * The part of the county a caller may see. A supervisor scoped to a township sees that township and its villages;
 * figures of the whole deployment (ledger, batches, channels, flagged payments) are for unscoped callers only.
 */
@ApplicationScoped
public class CallerScope {
    public static final String ATTRIBUTE = "canbao.unit";
    private final SecurityIdentity identity;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The unit the caller is scoped to, or empty for the whole deployment (an admin is never scoped). */
    public Optional<String> unit() {
        if (identity.isAnonymous() || identity.hasRole("admin")) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }

    /** Refuses a scoped caller: what the message {@code what} names covers the whole deployment. */
    public void requireWhole(String what) {
        unit().ifPresent(unit -> {
            throw Refused.forbidden("scope.whole-deployment", unit, Message.of(what));
        });
    }

    /** Whether a place (a township and a village in it) lies within the caller's scope. */
    public boolean sees(String township, String village) {
        return unit().map(unit -> unit.equals(township) || unit.equals(village)).orElse(true);
    }
}
