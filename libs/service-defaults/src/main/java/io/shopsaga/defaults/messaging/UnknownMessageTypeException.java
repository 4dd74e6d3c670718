package io.shopsaga.defaults.messaging;

/** A record whose {@code shopsaga-type} header is missing or names no contract type. */
public class UnknownMessageTypeException extends RuntimeException {

    public UnknownMessageTypeException(String topic, String type) {
        super("Record on " + topic + " has no known message type: " + type);
    }
}
