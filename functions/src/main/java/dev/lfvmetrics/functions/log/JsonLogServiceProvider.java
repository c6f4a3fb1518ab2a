package dev.lfvmetrics.functions.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's provider in the functions: the libraries' warnings and errors (the AWS SDK's) become {@link JsonLog}
 * lines, so a function's log group holds one format only (JSON, with the request and event ids), not JSON beside
 * plain text. Below WARN nothing is logged, as before. The CLI jar leaves this provider out and logs to stderr.
 */
public final class JsonLogServiceProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggers = Library::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: JsonLog writes to standard output, or where writeTo points it.
    }

    /** One library logger, named as the library names it. */
    private static final class Library extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        private final transient JsonLog log;

        Library(String name) {
            this.name = name;
            this.log = JsonLog.named(name);
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable error) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            if (level == Level.ERROR) {
                log.error(message, error);
            } else if (level == Level.WARN) {
                log.warn(message, "error", error == null ? null : error.toString());
            }
        }
    }
}
