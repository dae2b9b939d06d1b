package org.canbao.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.Pseudonyms;

/** The configured {@link Pseudonyms}: turns an ID number into the key used on the bus and in projections. */
@ApplicationScoped
public class Pseudonymizer {
    private final Pseudonyms pseudonyms;

    public Pseudonymizer(CanbaoConfig config) {
        this.pseudonyms = new Pseudonyms(config.pseudonymKey());
    }

    public String householdKey(String householdId) {
        return pseudonyms.householdKey(householdId);
    }

    public String personKey(IdNumber id) {
        return pseudonyms.personKey(id);
    }
}
