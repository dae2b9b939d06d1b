package org.canbao.subsidy.rest;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.rest.RegionPath;
import org.canbao.platform.rest.StrictJson;
import org.canbao.subsidy.domain.PolicyDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.canbao.subsidy.domain.Policy;
import org.canbao.subsidy.service.EntitlementService;
import org.canbao.subsidy.service.Policies;
import org.canbao.subsidy.service.PolicyWhatIf;
import org.canbao.subsidy.domain.WhatIf;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Tag(name = "Policies", description = "Each policy year's contribution tiers, subsidy rules, window and dates (POLICY.md).")
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
    static final String EXAMPLE = """
            {"tiers": [{"tier": 1, "contribution": "350.00"}, {"tier": 2, "contribution": "725.00"}],
             "subsidies": [{"category": "EXTREME_POVERTY", "rule": "FULL"},
                           {"category": "MINIMUM_LIVING", "rule": "HALF", "fundingSource": "MEDICAL_ASSISTANCE"},
                           {"category": "STABLE_EX_POOR", "tier": 2, "rule": "FIXED", "amount": "50.00"}],
             "window": {"opens": "2022-09-01", "closes": "2022-12-31"},
             "baseListDate": "2022-08-31", "benefitStart": "2023-01-01"}""";

    private final Policies policies;
    private final EntitlementService entitlements;
    private final PolicyWhatIf whatIf;
    private final RegionPath region;

    public PolicyResource(Policies policies, EntitlementService entitlements, PolicyWhatIf whatIf, RegionPath region) {
        this.policies = policies;
        this.entitlements = entitlements;
        this.whatIf = whatIf;
        this.region = region;
    }

    /** Sets the year's policy and re-decides everyone's entitlement under it. */
    @Operation(summary = "Set the year's policy",
            description = "Role admin. Sets the year's policy of the deployment's default pooling region (or, under "
                    + "`/api/v1/regions/{regionCode}/policies/{policyYear}`, of that region) and re-decides everyone's "
                    + "entitlement: each person by their own region's policy, their region being the one of the "
                    + "campaign unit they live in. "
                    + "`contribution` alone is shorthand for one tier 1. Defaults: window 1 Sep – 31 Dec of the year "
                    + "before, base-list date the day before the window, benefit start 1 Jan, funding source FINANCE. "
                    + "Read strictly: an unknown field is a 400, and so is a tier below 1 or given twice, two "
                    + "subsidies for one category at one tier, a subsidy naming a tier without contribution, a fixed "
                    + "subsidy above its tier's contribution. Optional later-notice rules (docs/api-extensions.md): "
                    + "`benefitRules` (after the window: covered from birth, intake, the payment date, the next month, "
                    + "N days after payment, or no enrolment in a date band with exceptions; the due personal or the full "
                    + "financing standard), `fiscalShare`, `afterWindow` (NEXT_YEAR or PAY_DIFFERENCE), "
                    + "`refundAfterPayment`, `categories` (the year's vocabulary), `statusValidity` and "
                    + "`crossRegionStandard` (RESIDENCE or RECOGNISING_REGION); a rule that "
                    + "contradicts another is a 400 naming its JSON path.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two tiers", value = PolicyResource.EXAMPLE)))
    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    @Path("{policyYear}")
    public Policy put(@PathParam("policyYear") int year, PolicyDocument document) {
        if (document == null) {
            throw new InvalidInput("policy.document-required");
        }
        Policy policy = policies.put(region.code(), year, document);
        entitlements.refreshEveryone();
        return policy;
    }

    @Operation(summary = "The year's policy",
            description = "Roles admin, supervisor, medical-insurance. 404 when the year has no policy.")
    @GET
    @RolesAllowed({"admin", "supervisor", "medical-insurance"})
    @Path("{policyYear}")
    public Policy get(@PathParam("policyYear") int year) {
        return policies.of(region.code(), year)
                .orElseThrow(() -> Refused.notFound("region.policy-none", region.code(), year));
    }

    @Operation(summary = "What a changed policy would do, changing nothing",
            description = "Roles admin, medical-insurance. Decides the region's persons (those with a category or a "
                    + "payment for the year) under the policy in force and under the document sent, from the same "
                    + "facts, and stores nothing: how many would gain or lose subsidy or see their personal due change, "
                    + "by granting category and by township (net subsidy change), the ledger's totals before and after, "
                    + "and the first " + WhatIf.LISTED + " persons who change, ID numbers masked. The document is read "
                    + "as strictly as by PUT. 404 when the region has no policy for the year yet.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two tiers", value = PolicyResource.EXAMPLE)))
    @POST
    @Path("{policyYear}/what-if")
    @RolesAllowed({"admin", "medical-insurance"})
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public WhatIf.Answer whatIf(@PathParam("policyYear") int year, PolicyDocument document) {
        if (document == null) {
            throw new InvalidInput("policy.document-required");
        }
        return whatIf.of(region.code(), year, document);
    }
}
