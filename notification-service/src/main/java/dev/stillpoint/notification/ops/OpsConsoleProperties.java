package dev.stillpoint.notification.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lagSampleInterval how often consumer lag is measured, for the Prometheus gauge and the console's chart
 * @param history how far back the charts go
 */
@ConfigurationProperties("stillpoint.ops-console")
record OpsConsoleProperties(@DefaultValue("15s") Duration lagSampleInterval, @DefaultValue("1h") Duration history) {
}
