/**
 * Health status (健康码): RED / YELLOW / GREEN per person with every reason that applies, each
 * from a fact with its source, since and until; overrides only with a second approver; compact
 * Ed25519-signed status codes that checkpoints verify offline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health status")
package org.pingji.status;
