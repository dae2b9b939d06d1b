package org.canbao.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Each process's peak resident memory during a run: the launcher's processes (their pid files in .canbao/run) and this
 * client, read from /proc every half second ({@code VmRSS}); the highest reading wins.
 */
final class PeakMemory implements AutoCloseable {
    private final Path run;
    private final Map<String, Long> peakKb = new TreeMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    PeakMemory(Path run) {
        this.run = run;
        this.sampler = new Thread(this::sample, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            Map<String, Long> pids = launched(run);
            pids.put("bench-client", ProcessHandle.current().pid());
            pids.forEach((name, pid) -> {
                long kb = rssKb(pid);
                if (kb > 0) {
                    synchronized (peakKb) {
                        peakKb.merge(name, kb, Math::max);
                    }
                }
            });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The launcher's processes by name, from their pid files in the run directory; none while a pid file is being
     * written (the next reading has them).
     */
    static Map<String, Long> launched(Path run) {
        Map<String, Long> pids = new TreeMap<>();
        if (Files.isDirectory(run)) {
            try (Stream<Path> files = Files.list(run).filter(p -> p.toString().endsWith(".pid"))) {
                for (Path file : files.toList()) {
                    pids.put(file.getFileName().toString().replace(".pid", ""), Long.parseLong(Files.readString(file).trim()));
                }
            } catch (IOException | NumberFormatException e) {
                return new TreeMap<>();
            }
        }
        return pids;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Peak RSS in MB by process name. */
    Map<String, Long> peakMb() {
        Map<String, Long> mb = new TreeMap<>();
        synchronized (peakKb) {
            peakKb.forEach((name, kb) -> mb.put(name, Math.round(kb / 1024.0)));
        }
        return mb;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(2000);
    }
}
