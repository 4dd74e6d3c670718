package io.shopsaga.defaults.error;

/** A request body over the configured limit; answered as 400 INVALID_REQUEST per the contract. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("request body exceeds the limit of " + limitBytes + " bytes");
    }
}
