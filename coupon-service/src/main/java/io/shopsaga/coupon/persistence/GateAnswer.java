package io.shopsaga.coupon.persistence;

/** What the issuance gate decided for one request. */
public enum GateAnswer {
    /** A unit was reserved for the user; it counts as issued once its MySQL row is committed. */
    GRANTED,
    /** No unit is left. */
    SOLD_OUT,
    /** The user already holds (or is being given) this coupon. */
    ALREADY_ISSUED,
    /** The campaign's Redis state is missing or inconsistent and must be rebuilt from MySQL first. */
    MISSING
}
