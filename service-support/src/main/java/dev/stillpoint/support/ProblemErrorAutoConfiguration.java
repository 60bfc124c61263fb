package dev.stillpoint.support;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;

/** Every service's errors outside its controllers as problem details ({@link ProblemErrorController}). */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class ProblemErrorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(errorAttributes, web.getError(), resolvers.orderedStream().toList());
    }

    /**
     * An encoded slash in a path ({@code /api/bookings/a%2Fb}) is refused by Spring Security's firewall, through the
     * error controller above (a problem detail), rather than by Tomcat's connector with an HTML page of its own.
     */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return (connector) -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** What Tomcat refuses before any servlet is a problem detail too. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    ProblemErrorReports problemErrorReports() {
        return new ProblemErrorReports();
    }

}
