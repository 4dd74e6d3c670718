package io.shopsaga.coupon.domain;

/** How a coupon takes money off an order. */
public enum DiscountType {

    /** A fixed number of KRW, never more than the order's total. */
    AMOUNT {
        @Override
        public long discountOn(long discountValue, long orderTotal) {
            return Math.min(discountValue, orderTotal);
        }

        @Override
        public long maxValue() {
            return Long.MAX_VALUE;
        }
    },

    /** A whole percentage of the order's total, rounded down to the KRW. */
    PERCENT {
        @Override
        public long discountOn(long discountValue, long orderTotal) {
            return Math.multiplyExact(orderTotal, discountValue) / 100;
        }

        @Override
        public long maxValue() {
            return 100;
        }
    };

    /** The discount this type gives on {@code orderTotal} (>= 0); never more than the total. */
    public abstract long discountOn(long discountValue, long orderTotal);

    /** The largest discount value a coupon of this type may have; the smallest is always 1. */
    public abstract long maxValue();
}
