package io.shopsaga.balance.domain;

/** Why a balance changed: a customer's charge, an order's payment, or an order's refund. */
public enum HistoryType {
    CHARGE, USE, REFUND
}
