package io.shopsaga.gateway.alias;

import io.shopsaga.gateway.web.GatewayProblemException;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The contract's rule for ids: a positive whole number that fits a {@code long}. A string, a fraction, zero,
 * a negative or an oversized number is bad input, reported with the field's name.
 */
public final class PositiveIds {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private PositiveIds() {
    }

    /** The id in JSON member {@code field} of {@code body}, or a {@code 400 INVALID_REQUEST} naming it. */
    public static long fromJson(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw GatewayProblemException.invalidRequest(field + " is required");
        }
        if (!value.isIntegralNumber()) {
            throw GatewayProblemException.invalidRequest(field + " must be a positive whole number");
        }
        if (!value.canConvertToLong()) {
            throw GatewayProblemException.invalidRequest(field + " is out of range");
        }
        return positive(value.longValue(), field);
    }

    /** The id in query parameter or path variable {@code field}, or a {@code 400 INVALID_REQUEST} naming it. */
    public static long fromText(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw GatewayProblemException.invalidRequest(field + " is required");
        }
        if (!DIGITS.matcher(value).matches()) {
            throw GatewayProblemException.invalidRequest(field + " must be a positive whole number");
        }
        try {
            return positive(Long.parseLong(value), field);
        }
        catch (NumberFormatException ex) {
            throw GatewayProblemException.invalidRequest(field + " is out of range");
        }
    }

    /** The id in {@code field} if it is a valid one, for uses that must not refuse the request. */
    public static OptionalLong tryFromJson(JsonNode body, String field) {
        try {
            return OptionalLong.of(fromJson(body, field));
        }
        catch (GatewayProblemException ex) {
            return OptionalLong.empty();
        }
    }

    private static long positive(long id, String field) {
        if (id <= 0) {
            throw GatewayProblemException.invalidRequest(field + " must be a positive whole number");
        }
        return id;
    }
}
