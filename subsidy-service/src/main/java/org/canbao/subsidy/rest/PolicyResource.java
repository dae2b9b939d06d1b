package org.canbao.subsidy.rest;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.rest.StrictJson;
import org.canbao.subsidy.domain.PolicyDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.canbao.subsidy.domain.Policy;
import org.canbao.subsidy.service.EntitlementService;
import org.canbao.subsidy.service.Policies;

@Path("/api/v1/policies/{policyYear}")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
    private final Policies policies;
    private final EntitlementService entitlements;

    public PolicyResource(Policies policies, EntitlementService entitlements) {
        this.policies = policies;
        this.entitlements = entitlements;
    }

    /** Sets the year's policy and re-decides everyone's entitlement under it. */
    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public Policy put(@PathParam("policyYear") int year, PolicyDocument document) {
        if (document == null) {
            throw new InvalidInput("policy.document-required");
        }
        Policy policy = policies.put(year, document);
        entitlements.refreshEveryone();
        return policy;
    }

    @GET
    @RolesAllowed({"admin", "supervisor", "medical-insurance"})
    public Policy get(@PathParam("policyYear") int year) {
        return policies.of(year).orElseThrow(() -> Refused.notFound("policy.none", year));
    }
}
