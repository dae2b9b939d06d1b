package org.canbao.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers, as Testcontainers sees it. Testcontainers is asked only when a Docker
 * socket, a DOCKER_HOST or a Testcontainers settings file exists: without any of them it has nothing to find,
 * and asking would cost seconds and log a page of errors on every test JVM of a machine without Docker.
 */
final class DockerEngine {
    private DockerEngine() {
    }

    /** The engine's address when one answers. */
    static Optional<String> answering() {
        if (hints().isEmpty()) {
            return Optional.empty();
        }
        // its strategies log each failed attempt as an error; the answer here is the one line TestInfra prints
        Logger testcontainers = Logger.getLogger("org.testcontainers");
        Level level = testcontainers.getLevel();
        testcontainers.setLevel(Level.OFF);
        try {
            DockerClientFactory docker = DockerClientFactory.instance();
            return docker.isDockerAvailable()
                    ? Optional.of(String.valueOf(docker.getTransportConfig().getDockerHost()))
                    : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        } finally {
            testcontainers.setLevel(level);
        }
    }

    /** Where Testcontainers would look for an engine (its provider strategies), of those that exist here. */
    static List<String> hints() {
        List<String> found = new ArrayList<>();
        if (System.getenv("DOCKER_HOST") != null) {
            found.add("DOCKER_HOST");
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            found.add("Windows named pipe");
        }
        String home = System.getProperty("user.home", "");
        List<Path> places = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                Path.of(home, ".testcontainers.properties"), Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"), Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".rd", "docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            places.add(Path.of(runtimeDir, "docker.sock"));
            places.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        places.stream().filter(Files::exists).map(Path::toString).forEach(found::add);
        return found;
    }
}
