package org.canbao.contracts;

/** A fact one service tells the others. {@link #subject()} becomes the record key and the CloudEvents subject. */
public sealed interface CanbaoEvent
        permits IdentityVerified, StatusChanged, PaymentReceived, PaymentReversed, EntitlementChanged, CampaignDefined,
        PersonExcluded {
    String subject();
}
