package org.pingji.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login lockout: after {@code maxFailedLogins} failures the account is locked for {@code lockout}. */
@ConfigurationProperties("pingji.access")
record AccessSettings(Integer maxFailedLogins, Duration lockout) {
    AccessSettings {
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
