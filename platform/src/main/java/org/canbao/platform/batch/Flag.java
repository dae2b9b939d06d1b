package org.canbao.platform.batch;

/** An accepted line that needs following up: which line, which field, and why. */
public record Flag(int line, String field, String reason) {
}
