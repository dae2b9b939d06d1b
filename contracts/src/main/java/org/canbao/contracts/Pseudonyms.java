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
    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String personKey(IdNumber id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
