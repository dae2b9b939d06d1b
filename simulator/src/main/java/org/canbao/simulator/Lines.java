package org.canbao.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;

/** The lines the simulated departments and tax systems send, as API.md shapes them (NDJSON, or CSV where noted). */
final class Lines {
    static final String NDJSON = "application/x-ndjson";

    private Lines() {
    }

    static String roster(Resident r) {
        ObjectNode line = EventCodec.mapper().createObjectNode().put("idNumber", r.id().value()).put("name", r.name())
                .put("householdId", r.household()).put("township", r.unit().township());
        if (r.unit().village() != null) {
            line.put("village", r.unit().village());
        }
        return line.toString();
    }

    static String feed(Resident r) {
        return EventCodec.mapper().createObjectNode().put("idNumber", r.id().value()).put("name", r.name())
                .put("category", r.hardship().category()).toString();
    }

    static String feedCsv(Resident r) {
        return r.id().value() + "," + r.name() + "," + r.hardship().category();
    }

    static String exclusionCsv(Resident r, int year) {
        return r.id().value() + "," + year + "," + r.exclusion();
    }

    static String payment(String receiptId, String idNumber, int year, String amount, String channel, String paidAt) {
        return EventCodec.mapper().createObjectNode().put("receiptId", receiptId).put("idNumber", idNumber).put("policyYear", year)
                .put("amount", amount).put("channel", channel).put("paidAt", paidAt).toString();
    }

    static String payment(Resident r, int year) {
        Resident.Payment p = r.payment();
        return payment(p.receiptId(), r.id().value(), year, r.due().toPlainString(), p.channel(), p.paidAt());
    }

    /** The same number with a wrong check character: a line every endpoint must reject with its number. */
    static String badNumber(IdNumber id) {
        String value = id.value();
        char check = value.charAt(17);
        return value.substring(0, 17) + (check == '0' ? '1' : '0');
    }
}
