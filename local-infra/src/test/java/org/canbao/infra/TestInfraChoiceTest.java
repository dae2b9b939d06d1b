package org.canbao.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.canbao.infra.TestInfra.Choice;
import org.canbao.infra.TestInfra.Source;
import org.junit.jupiter.api.Test;

/** Where the tests' Kafka and PostgreSQL come from: Docker's answer, unless the system property says otherwise. */
class TestInfraChoiceTest {
    private static final Supplier<Optional<String>> DOCKER = () -> Optional.of("unix:///var/run/docker.sock");
    private static final Supplier<Optional<String>> NO_DOCKER = Optional::empty;

    @Test
    void dockerAnsweringMeansTestcontainersAndSaysWhere() {
        Choice choice = TestInfra.choose(null, DOCKER);
        assertEquals(Source.TESTCONTAINERS, choice.source());
        assertEquals("canbao tests: Kafka and PostgreSQL from Testcontainers (Docker at unix:///var/run/docker.sock)",
                choice.line());
    }

    @Test
    void noDockerMeansTheLocalInfrastructure() {
        Choice choice = TestInfra.choose(" ", NO_DOCKER);
        assertEquals(Source.LOCAL, choice.source());
        assertTrue(choice.line().startsWith("canbao tests: no Docker engine; in-JVM Kafka broker and PostgreSQL at 127.0.0.1:5432"),
                choice.line());
    }

    @Test
    void localAskedForDoesNotEvenAskDocker() {
        AtomicBoolean asked = new AtomicBoolean();
        Choice choice = TestInfra.choose("LOCAL", () -> {
            asked.set(true);
            return DOCKER.get();
        });
        assertEquals(Source.LOCAL, choice.source());
        assertFalse(asked.get(), "Docker was asked although local was forced");
    }

    @Test
    void testcontainersAskedForWithDockerIsTestcontainers() {
        assertEquals(Source.TESTCONTAINERS, TestInfra.choose("testcontainers", DOCKER).source());
    }

    @Test
    void testcontainersAskedForWithoutDockerFailsAndSaysWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestInfra.choose("testcontainers", NO_DOCKER));
        assertEquals("canbao.tests.infra=testcontainers, but no Docker engine answers: start Docker (or set DOCKER_HOST), "
                + "or drop canbao.tests.infra to use the in-JVM Kafka broker and the local PostgreSQL", e.getMessage());
    }

    @Test
    void anUnknownValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestInfra.choose("docker", DOCKER));
        assertEquals("canbao.tests.infra=docker is neither local nor testcontainers", e.getMessage());
    }

    /** The real check on this machine: quick, and Testcontainers is asked only where a Docker engine could be. */
    @Test
    void theDockerCheckIsQuickAndMatchesThisMachine() {
        long start = System.nanoTime();
        Optional<String> engine = DockerEngine.answering();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (DockerEngine.hints().isEmpty()) {
            assertEquals(Optional.empty(), engine, "an engine answered where no socket, DOCKER_HOST or settings file is");
            assertTrue(took.toMillis() < 500, "with nothing to look at, the check took " + took);
        } else {
            // a socket that nobody serves is refused at once; only a live engine's ping takes a moment
            assertTrue(took.toSeconds() < 15, "the check took " + took);
        }
    }
}
