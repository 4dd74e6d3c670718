package io.shopsaga.defaults.idempotency;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a write at most once per {@code Idempotency-Key}, inside the caller's transaction.
 *
 * <p>The key row is inserted before the write and filled with the response after it, in the same
 * transaction: a concurrent request with the same key waits on that row and then replays the stored
 * response, and a write that fails rolls its key back with it, so a retry runs again. The request's
 * fingerprint is stored too, so the same key with another body is refused. Each service owns an
 * {@code idempotency_key} table in its schema (see {@code V1__init.sql} of any service).
 */
public class IdempotentExecutor {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public IdempotentExecutor(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Returns the stored response of an earlier request with this key and an equal request, or runs
     * {@code action} and stores its result. Without a key it just runs the action.
     *
     * @param scope the operation and resource, e.g. {@code "charge:user:42"}, so keys of different
     *     operations never collide
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T execute(String scope, String key, Object request, Class<T> responseType, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new BusinessException(ErrorCodes.INVALID_REQUEST, BusinessException.Kind.INVALID,
                    "Idempotency-Key must be 1-64 characters of [A-Za-z0-9_-]");
        }
        String fingerprint = fingerprint(scope, request);
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO idempotency_key (scope, idem_key, fingerprint)
                VALUES (:scope, :key, :fingerprint)""")
                .param("scope", scope).param("key", key).param("fingerprint", fingerprint)
                .update();
        if (inserted == 0) {
            return replay(scope, key, fingerprint, responseType);
        }
        T result = action.get();
        jdbc.sql("UPDATE idempotency_key SET response_body = :body WHERE scope = :scope AND idem_key = :key")
                .param("body", json.writeValueAsString(result)).param("scope", scope).param("key", key)
                .update();
        return result;
    }

    private <T> T replay(String scope, String key, String fingerprint, Class<T> responseType) {
        StoredResponse stored = jdbc.sql("""
                SELECT fingerprint, response_body FROM idempotency_key WHERE scope = :scope AND idem_key = :key""")
                .param("scope", scope).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getString(2)))
                .single();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new BusinessException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, BusinessException.Kind.CONFLICT,
                    "Idempotency-Key was already used with a different request");
        }
        return json.readValue(stored.body(), responseType);
    }

    private String fingerprint(String scope, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private record StoredResponse(String fingerprint, String body) {
    }
}
