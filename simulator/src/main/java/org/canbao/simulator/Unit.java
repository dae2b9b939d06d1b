package org.canbao.simulator;

/** A unit of the simulated campaign: its name as put in the campaign (with the run's suffix), where its residents live. */
public record Unit(String name, String kind, String parent, Long target, boolean ranked, String township, String village) {

    public boolean leaf() {
        return township != null;
    }
}
