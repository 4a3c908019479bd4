package org.pingji.warning;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The embedded MQTT 3.1.1 broker (Moquette) the platform runs unless {@code pingji.mqtt.url}
 * names an external one: bound to 127.0.0.1 on {@code pingji.mqtt.port}, anonymous, its sessions
 * and queued QoS-1 messages persisted under {@code pingji.mqtt.data-dir} (so a broker restart
 * keeps what a persistent session had not acknowledged); an empty data dir is a temporary
 * folder, and port 0 a free port (tests).
 */
@Component
class MqttBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttBroker.class);

    private final String externalUrl;
    private volatile int port;
    private final String dataDir;
    private final int sessionQueue;
    private final String queueType;
    private final ConfigurableEnvironment environment;
    private Server server;
    private Path tempDir;

    MqttBroker(
            ConfigurableEnvironment environment,
            @Value("${pingji.mqtt.url:}") String externalUrl,
            @Value("${pingji.mqtt.port:1883}") int port,
            @Value("${pingji.mqtt.data-dir:./data/mqtt}") String dataDir,
            @Value("${pingji.mqtt.session-queue:65536}") int sessionQueue,
            @Value("${pingji.mqtt.queue-type:segmented}") String queueType) {
        this.sessionQueue = sessionQueue;
        this.queueType = queueType;
        this.environment = environment;
        this.externalUrl = externalUrl;
        this.port = port;
        this.dataDir = dataDir;
    }

    boolean embedded() {
        return externalUrl == null || externalUrl.isBlank();
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        if (!embedded() || server != null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        if (port == 0) {
            port = freePort();
        }
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.mqtt.message_size", "65536");
        // Moquette refuses (never acknowledges) a publish when the session loop's command queue is
        // full (default 1024 commands): a burst of readings must queue, not be refused.
        p.setProperty("session_queue_size", Integer.toString(sessionQueue));
        p.setProperty("persistent_queue_type", queueType);
        {
            try {
                // one temporary folder for the bean's life: a restart must find the sessions and
                // queued messages it left (a new folder per start was a broker that forgets)
                if (tempDir == null && (dataDir == null || dataDir.isBlank())) {
                    tempDir = Files.createTempDirectory("pingji-mqtt");
                }
                Path dir = tempDir != null ? tempDir : Files.createDirectories(Path.of(dataDir));
                p.setProperty("persistence_enabled", "true");
                p.setProperty("data_path", dir.toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("MQTT data dir " + dataDir, e);
            }
        }
        Server s = new Server();
        try {
            s.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded MQTT broker on 127.0.0.1:" + port, e);
        }
        server = s;
        // Where publishers find it (port 0 chose a free one): pingji.mqtt.bound-port.
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("mqtt-broker", Map.of("pingji.mqtt.bound-port", port)));
        log.info("Embedded MQTT broker on 127.0.0.1:{} (data {})", port, dataDir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the MQTT broker", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        // Up before the subscriber connects, down after it disconnected.
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }
}
