package org.canbao.subsidy.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import org.canbao.platform.security.CallerScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.platform.i18n.Message;
import org.canbao.subsidy.domain.Entitlement;
import org.canbao.subsidy.domain.Explanation;
import org.canbao.subsidy.domain.PolicyBook;
import org.canbao.subsidy.service.EntitlementService;
import org.canbao.subsidy.service.Policies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Tag(name = "Entitlements", description = "What a person owes and has for a policy year, decided from every fact received.")
@Path("/api/v1/entitlements/{idNumber}")
public class EntitlementResource {
    private final Policies policies;
    private final EntitlementService entitlements;
    private final Pseudonymizer pseudonymizer;
    private final CallerScope scope;

    public EntitlementResource(Policies policies, EntitlementService entitlements, Pseudonymizer pseudonymizer,
                               CallerScope scope) {
        this.scope = scope;
        this.policies = policies;
        this.entitlements = entitlements;
        this.pseudonymizer = pseudonymizer;
    }

    public record EntitlementView(String idNumber, int policyYear, int tier,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal contribution,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subsidy,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal personalDue,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid,
                                  String state, LocalDate coveredFrom, List<String> categories, String decision,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal refundDue,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal retroactiveSubsidyDue,
                                  ExplanationView explanation, String region) {
    }

    /** The rule that decided, the spells it looked at and the year's payments (reversed ones not counted). */
    public record ExplanationView(String rule, List<Explanation.CategoryLine> categories, List<PaymentView> payments) {
        static ExplanationView of(Explanation explanation) {
            return new ExplanationView(explanation.rule(), explanation.categories(),
                    explanation.payments().stream().map(PaymentView::of).toList());
        }
    }

    public record PaymentView(String receiptId, int tier, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                              OffsetDateTime paidAt, boolean counted, OffsetDateTime reversedAt) {
        static PaymentView of(Explanation.PaymentLine line) {
            return new PaymentView(line.receiptId(), line.tier(), line.amount(), line.paidAt(), line.counted(),
                    line.reversedAt());
        }
    }

    /** What the person owes and has for the year, decided now from every fact received so far. */
    @Operation(summary = "A person's entitlement",
            description = "Roles supervisor, medical-insurance (not a supervisor scoped to a unit). `policyYear` is "
                    + "required; `tier` defaults to the tier of the latest payment, else 1. `state` is UNPAID, PAID, "
                    + "ZERO_PAYMENT, UNDERPAID or OVERPAID; `decision` says in words which rule gave the amount, "
                    + "`explanation` the steps that decided it. The ID number comes back masked.")
    @Parameter(name = "idNumber", in = ParameterIn.PATH, description = "The 18-character resident ID number.",
            example = "430626198503120040")
    @Parameter(name = "policyYear", in = ParameterIn.QUERY, required = true, description = "The policy year.",
            example = "2023")
    @Parameter(name = "tier", in = ParameterIn.QUERY, description = "The contribution tier; default the tier of the "
            + "latest payment, else 1.", example = "1")
    @GET
    @RolesAllowed({"supervisor", "medical-insurance"})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public EntitlementView entitlement(@PathParam("idNumber") String raw, @QueryParam("policyYear") Integer year,
                                       @QueryParam("tier") Integer tier) {
        scope.requireWhole("scope.what.entitlements");
        IdNumber id;
        try {
            id = IdNumber.parse(raw);
        } catch (IdNumber.InvalidIdNumber e) {
            throw new InvalidInput(Message.of(e.code(), e.args().toArray()));
        }
        if (year == null) {
            throw new InvalidInput("field.missing", Message.field("policyYear"));
        }
        String personKey = pseudonymizer.personKey(id);
        PolicyBook.Chosen chosen = policies.forPerson(personKey, year)
                .orElseThrow(() -> Refused.notFound("policy.none", year));
        EntitlementService.Explained answer = entitlements.decide(chosen, personKey, tier);
        Entitlement e = answer.entitlement();
        return new EntitlementView(id.masked(), year, e.tier(), e.contribution(), e.subsidy(), e.personalDue(),
                e.paid(), e.state().name(), e.coveredFrom(), e.categories(), e.decision(), e.refundDue(),
                e.retroactiveSubsidyDue(), ExplanationView.of(answer.explanation()), chosen.region());
    }
}
