package org.canbao.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small OpenID Connect issuer for tests: discovery, a JSON Web Key Set and a token endpoint, served over real HTTP
 * from the test JVM. Its tokens carry Keycloak's role claim ({@code realm_access.roles}) and Canbao's unit claim.
 */
public final class OidcServer implements AutoCloseable {
    private static final String KEY_ID = "canbao-test-key";
    private final HttpServer server;
    private final KeyPair keys;
    private final String issuer;

    private OidcServer(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/canbao";
    }

    public static OidcServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OidcServer oidc = new OidcServer(server, rsaKeys());
        server.createContext("/realms/canbao/.well-known/openid-configuration", e -> oidc.answer(e, oidc.discovery()));
        server.createContext("/realms/canbao/protocol/openid-connect/certs", e -> oidc.answer(e, oidc.jwks()));
        server.createContext("/realms/canbao/protocol/openid-connect/token", oidc::token);
        server.start();
        return oidc;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid token for {@code user} with {@code roles}, scoped to {@code unit} when it is not null. */
    public String token(String user, List<String> roles, String unit) {
        return sign(user, roles, unit, issuer, Instant.now().plus(Duration.ofMinutes(5)), keys.getPrivate());
    }

    /** A token that expired a minute ago. */
    public String expiredToken(String user, List<String> roles) {
        return sign(user, roles, null, issuer, Instant.now().minus(Duration.ofMinutes(1)), keys.getPrivate());
    }

    /** A well-formed token from another issuer, signed by this server's key. */
    public String foreignIssuerToken(String user, List<String> roles) {
        return sign(user, roles, null, "http://127.0.0.1:1/realms/other", Instant.now().plus(Duration.ofMinutes(5)),
                keys.getPrivate());
    }

    /** A token naming this issuer but signed by a key the server never published. */
    public String forgedToken(String user, List<String> roles) {
        return sign(user, roles, null, issuer, Instant.now().plus(Duration.ofMinutes(5)), rsaKeys().getPrivate());
    }

    private static String sign(String user, List<String> roles, String unit, String issuer, Instant expires,
                               PrivateKey key) {
        var claims = Jwt.issuer(issuer).upn(user).preferredUserName(user).subject(user)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(expires.minus(Duration.ofMinutes(10))).expiresAt(expires);
        if (unit != null) {
            claims.claim("canbao_unit", unit);
        }
        return claims.jws().keyId(KEY_ID).sign(key);
    }

    private String discovery() {
        String base = issuer + "/protocol/openid-connect";
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + base + "/certs\",\"token_endpoint\":\"" + base
                + "/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KEY_ID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + base64url(key.getModulus().toByteArray()) + "\",\"e\":\""
                + base64url(key.getPublicExponent().toByteArray()) + "\"}]}";
    }

    /** The password grant for test users: {@code username}, {@code roles} (comma-separated) and an optional {@code unit}. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        String token = token(form.getOrDefault("username", "anonymous"),
                Arrays.asList(form.getOrDefault("roles", "").split(",")), form.get("unit"));
        answer(exchange, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String base64url(byte[] bigEndian) {
        byte[] unsigned = bigEndian.length > 1 && bigEndian[0] == 0 ? Arrays.copyOfRange(bigEndian, 1, bigEndian.length) : bigEndian;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
