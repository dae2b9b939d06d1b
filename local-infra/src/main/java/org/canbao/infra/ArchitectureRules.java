package org.canbao.infra;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Where things live in a service (STYLE.md): the rules are in {@code domain/}, plain Java that knows nothing of
 * HTTP, the database or Kafka; {@code rest/} answers requests and leaves persistence and messaging to the layers
 * below it. Each service's {@code ArchitectureTest} checks its classes against these.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    @ArchTest
    public static final ArchRule DOMAIN_IS_PLAIN = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..persistence..", "..messaging..",
                    "jakarta.ws.rs..", "jakarta.persistence..", "jakarta.transaction..", "io.quarkus..", "org.hibernate..",
                    "org.apache.kafka..", "io.smallrye.reactive.messaging..")
            .because("the rules live in domain/, testable with plain JUnit");

    @ArchTest
    public static final ArchRule REST_DOES_NOT_CONSUME = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive.messaging..")
            .because("rest/ answers requests; consuming and publishing belong to messaging/ and the event store");

    @ArchTest
    public static final ArchRule NOTHING_DEPENDS_ON_REST = noClasses().that().resideInAnyPackage("..domain..", "..service..",
                    "..persistence..", "..messaging..")
            .should().dependOnClassesThat(resideInAPackage("..rest..").and(resideOutsideOfPackage("org.canbao.platform..")))
            .because("a service's rest/ is its outermost layer (the platform's shared pieces may be used anywhere)");
}
