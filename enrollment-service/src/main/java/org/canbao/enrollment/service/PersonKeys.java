package org.canbao.enrollment.service;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.canbao.contracts.IdNumber;
import org.canbao.enrollment.persistence.Resident;
import org.canbao.platform.config.Pseudonymizer;

/** The person streams a batch may append to, from the ID numbers it names (unreadable ones name none). */
final class PersonKeys {
    private PersonKeys() {
    }

    static Set<String> streams(Pseudonymizer pseudonymizer, Collection<String> idNumbers) {
        Set<String> streams = new TreeSet<>();
        for (String raw : idNumbers) {
            try {
                streams.add(Resident.stream(pseudonymizer.personKey(IdNumber.parse(raw))));
            } catch (IdNumber.InvalidIdNumber e) {
                // the line is rejected with its reason later; it appends nothing
            }
        }
        return streams;
    }
}
