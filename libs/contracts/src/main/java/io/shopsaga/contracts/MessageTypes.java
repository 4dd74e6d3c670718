package io.shopsaga.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a message travels: its record serialized as a JSON object (field names = record components, times as
 * ISO-8601 strings, unknown fields ignored by readers) in the Kafka value, the order id as the key, and its
 * type name in the {@value #HEADER} header (UTF-8 bytes).
 *
 * <p>The type name is the record's simple name ({@code ReserveStock}, {@code OrderCompleted}, ...): a stable
 * part of the contract, listed here explicitly so that renaming or moving a class never changes the wire.
 * A reader maps the name back with {@link #classOf(String)}; a name it does not know is a poison message.
 */
public final class MessageTypes {

    /** The Kafka header that names the payload's type. */
    public static final String HEADER = "shopsaga-type";

    private static final List<Class<? extends SagaMessage>> ALL = List.of(
            ReserveStock.class, ReleaseStock.class, UseCoupon.class, RestoreCoupon.class, DeductBalance.class,
            RefundBalance.class, ReserveStockReply.class, ReleaseStockReply.class, UseCouponReply.class,
            RestoreCouponReply.class, DeductBalanceReply.class, RefundBalanceReply.class, OrderCompleted.class);

    private static final Map<String, Class<? extends SagaMessage>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private MessageTypes() {
    }

    /** The type name to put in the {@value #HEADER} header for {@code message}. */
    public static String nameOf(SagaMessage message) {
        String name = message.getClass().getSimpleName();
        if (!BY_NAME.containsKey(name)) {
            throw new IllegalArgumentException("Not a contract message type: " + message.getClass().getName());
        }
        return name;
    }

    /** The record class for a header's type name, if it is one of the contract's. */
    public static Optional<Class<? extends SagaMessage>> classOf(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** Every message type of the contract. */
    public static List<Class<? extends SagaMessage>> all() {
        return ALL;
    }
}
