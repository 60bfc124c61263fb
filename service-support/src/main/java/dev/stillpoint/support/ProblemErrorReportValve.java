package dev.stillpoint.support;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * What Tomcat itself answers for a request it refuses before any servlet (a NUL byte in the path, say): a problem
 * detail, like every other error of the services, in place of Tomcat's HTML report.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String reason = StringManager.getManager("org.apache.catalina.valves")
            .getString("http." + status + ".reason");
        if (reason == null || reason.startsWith("http.")) {
            reason = "Error";
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it reached the service.\"}");
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the client has gone, or the response was committed meanwhile: nothing more to say
        }
    }

}
