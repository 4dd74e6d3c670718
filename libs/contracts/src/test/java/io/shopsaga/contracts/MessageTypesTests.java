package io.shopsaga.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTypesTests {

    @Test
    void namesEveryCommandAndReplyOnceByItsSimpleName() {
        assertThat(MessageTypes.all()).extracting(Class::getSimpleName).doesNotHaveDuplicates();
        assertThat(MessageTypes.all()).containsAll(java.util.Arrays.stream(SagaCommand.class.getPermittedSubclasses())
                .map(c -> c.asSubclass(SagaMessage.class)).toList());
        assertThat(MessageTypes.all()).containsAll(java.util.Arrays.stream(SagaReply.class.getPermittedSubclasses())
                .map(c -> c.asSubclass(SagaMessage.class)).toList());
    }

    @Test
    void mapsANameBackToItsRecord() {
        ReleaseStock release = new ReleaseStock(UUID.randomUUID(), 7, Instant.now());

        assertThat(MessageTypes.nameOf(release)).isEqualTo("ReleaseStock");
        assertThat(MessageTypes.classOf("ReleaseStock")).contains(ReleaseStock.class);
        assertThat(MessageTypes.classOf("NoSuchThing")).isEmpty();
        assertThat(MessageTypes.classOf(null)).isEmpty();
    }

    @Test
    void refusesATypeOutsideTheContract() {
        SagaMessage stranger = new SagaMessage() {
            public UUID messageId() { return UUID.randomUUID(); }
            public long orderId() { return 1; }
            public Instant occurredAt() { return Instant.now(); }
        };
        assertThatThrownBy(() -> MessageTypes.nameOf(stranger)).isInstanceOf(IllegalArgumentException.class);
    }
}
