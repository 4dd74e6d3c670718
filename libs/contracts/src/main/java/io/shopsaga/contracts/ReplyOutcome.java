package io.shopsaga.contracts;

/** Whether a participant carried a saga command out. */
public enum ReplyOutcome {
    SUCCEEDED, REJECTED
}
