package io.shopsaga.defaults.messaging;

import io.shopsaga.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Topics a service creates at start when they are missing (an existing topic is left as it is), each with its
 * one-partition dead-letter topic, so that whichever service starts first finds them all.
 */
public final class TopicsToCreate {

    private TopicsToCreate() {
    }

    /** {@code topics} with {@code partitions} partitions each, plus {@code <topic>.dlt} for each. */
    public static KafkaAdmin.NewTopics withDeadLetters(int partitions, List<String> topics) {
        List<NewTopic> all = new ArrayList<>();
        for (String topic : topics) {
            all.add(TopicBuilder.name(topic).partitions(partitions).build());
            all.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).build());
        }
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }
}
