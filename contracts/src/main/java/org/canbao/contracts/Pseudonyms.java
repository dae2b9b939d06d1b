package org.canbao.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudonym (HMAC-SHA256) that stands for an ID number on the event bus and in every service
 * but the roster's owner. All services share the key, so each can find a person from a number a user
 * gives, while the bus and the projections never hold the number itself.
 */
public final class Pseudonyms {
    /** A keyed Mac per thread: creating one costs more than using it, and batches key thousands of numbers. */
    private final ThreadLocal<Mac> macs;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must have at least 16 characters");
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /**
     * A household number as it travels: often the household head's ID number, so never in clear. The same household
     * gives the same key everywhere, and a key never equals a person's key.
     */
    public String householdKey(String householdId) {
        byte[] digest = macs.get().doFinal(("household:" + householdId.trim().toUpperCase(java.util.Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        return "h-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    }

    public String personKey(IdNumber id) {
        byte[] digest = macs.get().doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
    }
}
