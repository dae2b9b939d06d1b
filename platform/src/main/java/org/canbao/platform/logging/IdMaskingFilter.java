package org.canbao.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.canbao.contracts.IdNumber;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The last guard before a log line is written: masks anything shaped like an ID number, wherever it came
 * from (a driver's constraint message, a framework's debug line), and replaces a stack trace by its summary.
 */
@LoggingFilter(name = "canbao-masking")
public class IdMaskingFilter implements Filter {
    private final boolean keepStackTraces;

    public IdMaskingFilter(@ConfigProperty(name = "canbao.log.keep-stack-traces", defaultValue = "false") boolean keepStackTraces) {
        this.keepStackTraces = keepStackTraces;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        String message = ext.getFormattedMessage();
        Throwable thrown = record.getThrown();
        if (thrown != null && !keepStackTraces) {
            message = message + " [" + causes(thrown) + "]";
            record.setThrown(null);
        }
        ext.setMessage(IdNumber.scrub(message), ExtLogRecord.FormatStyle.NO_FORMAT);
        ext.setParameters(null);
        return true;
    }

    /** Where Canbao's own code was when it failed: the first of its frames, from the deepest cause outwards. */
    private static String where(Throwable thrown) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = thrown; t != null && chain.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(0, t);
        }
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("org.canbao.") && !frame.getClassName().startsWith("org.canbao.platform.logging")) {
                    return " at " + frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
                }
            }
        }
        return "";
    }

    /** The exception and its causes, one line, and where in Canbao's code: enough to act on, without the stack. */
    private static String causes(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null && text.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text + where(thrown);
    }
}
