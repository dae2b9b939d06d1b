package org.canbao.platform.batch;

/** Thrown while reading one batch line: that line is rejected with this field and reason, the others go on. */
public class LineRejected extends RuntimeException {
    private final String field;

    public LineRejected(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
