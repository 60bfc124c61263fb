package dev.stillpoint.support;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/** Puts {@link ProblemErrorReportValve} in place of the error report valve Spring Boot gives Tomcat's host. */
class ProblemErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers((context) -> {
            for (Valve valve : context.getParent().getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    context.getParent().getPipeline().removeValve(valve);
                }
            }
            context.getParent().getPipeline().addValve(new ProblemErrorReportValve());
            // so that the host, when it starts, does not add Tomcat's own beside it
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which adds its valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
