package com.addonconfigurator.rules.facts;

import java.time.LocalDate;

/** The context of one evaluation: when, and where the purchase starts. */
public final class Evaluation {
    private final LocalDate date;
    private final String channel;
    private final String platform;

    public Evaluation(LocalDate date, String channel, String platform) {
        this.date = date;
        this.channel = channel;
        this.platform = platform;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getChannel() {
        return channel;
    }
    /** ANDROID, IOS, or null when the request named none. */
    public String getPlatform() {
        return platform;
    }
}
