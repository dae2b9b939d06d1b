package org.canbao.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds each process has used so far, read from {@code /proc/<pid>/stat} (user and system time): the launcher's
 * processes (their pid files in .canbao/run), this client, and PostgreSQL, whichever server it is (every process
 * named {@code postgres}, with what its exited children used: the postmaster reaps the backends a pool closed).
 * Two readings a season apart say where the two cores went.
 */
final class CpuTime {
    /** Linux reports these times in clock ticks of 1/100 s ({@code USER_HZ}) on every architecture Java runs on here. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds so far by process name; an empty map where there is no /proc. */
    static Map<String, Double> now(Path run) {
        Map<String, Double> seconds = new TreeMap<>();
        put(seconds, "bench-client", stat(ProcessHandle.current().pid()), false);
        PeakMemory.launched(run).forEach((name, pid) -> {
            // an embedded PostgreSQL has a pid file too: it is counted below with its backends
            if (!name.equals("postgres")) {
                put(seconds, name, stat(pid), false);
            }
        });
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(pid -> {
                        String stat = stat(Long.parseLong(pid));
                        if (stat.contains("(postgres) ")) {
                            put(seconds, "postgresql", stat, true);
                        }
                    });
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    /**
     * What each process used between two readings: a process missing from the first started in between, and one that
     * reads less than before was started again (a new pid), so all of its time is in between.
     */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((name, s) -> {
            double then = before.getOrDefault(name, 0.0);
            used.put(name, s < then ? s : s - then);
        });
        return used;
    }

    private static void put(Map<String, Double> seconds, String name, String stat, boolean withChildren) {
        // after the command in parentheses: field 3 (state) is at 0, so utime (14) at 11, stime 12, cutime 13, cstime 14
        if (stat.isEmpty()) {
            return;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        seconds.merge(name, ticks / TICKS_PER_SECOND, Double::sum);
    }

    /** The process's /proc stat line, empty when it has gone. */
    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return "";
        }
    }
}
