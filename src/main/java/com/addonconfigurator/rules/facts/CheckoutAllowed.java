package com.addonconfigurator.rules.facts;

/** Present when the cart can go to checkout. */
public final class CheckoutAllowed {}
