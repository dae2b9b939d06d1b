package org.canbao.platform.batch;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A batch line that did not take effect: where it is, which field, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(int line, String field, String reason) {
}
