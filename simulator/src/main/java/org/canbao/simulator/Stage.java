package org.canbao.simulator;

/** A stage of the season: how many items it took and how long, and so its rate. */
public record Stage(String name, String unit, long items, double seconds) {
    public double rate() {
        return items / Math.max(seconds, 0.001);
    }

    Stage plus(long moreItems, double moreSeconds) {
        return new Stage(name, unit, items + moreItems, seconds + moreSeconds);
    }
}
