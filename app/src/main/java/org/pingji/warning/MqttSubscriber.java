package org.pingji.warning;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The platform's MQTT client (HiveMQ, MQTT 3.1.1): a persistent session ({@code cleanSession=false},
 * fixed client id) subscribed with QoS 1 to {@code pingji/sensors/+}. A message is acknowledged only
 * after its reading committed (manual acknowledgement), so a broker or platform restart loses
 * nothing the broker accepted; it reconnects by itself.
 */
@Component
class MqttSubscriber implements SmartLifecycle {

    static final String TOPIC_PREFIX = "pingji/sensors/";

    private static final Logger log = LoggerFactory.getLogger(MqttSubscriber.class);

    private final MqttBroker broker;
    private final ReadingIntake intake;
    private final Clock clock;
    private final String url;
    private final String clientId;
    private final boolean enabled;
    private static final int SUBSCRIBE_WAIT_SECONDS = 15;
    private final AtomicLong received = new AtomicLong();
    private volatile Mqtt3AsyncClient client;
    /** Completed by the first acknowledged subscription: a start waits for it (bounded). */
    private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();

    MqttSubscriber(
            MqttBroker broker,
            ReadingIntake intake,
            Clock clock,
            @Value("${pingji.mqtt.url:}") String url,
            @Value("${pingji.mqtt.client-id:pingji-platform}") String clientId,
            @Value("${pingji.mqtt.enabled:true}") boolean enabled) {
        this.broker = broker;
        this.intake = intake;
        this.clock = clock;
        this.url = url;
        this.clientId = clientId;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || client != null) {
            return;
        }
        String host = "127.0.0.1";
        int port = broker.port();
        if (!broker.embedded()) {
            URI uri = URI.create(url);
            host = uri.getHost();
            port = uri.getPort() > 0 ? uri.getPort() : 1883;
        }
        Mqtt3AsyncClient c = MqttClient.builder()
                .useMqttVersion3()
                .identifier(clientId)
                .serverHost(host)
                .serverPort(port)
                .automaticReconnect()
                .initialDelay(100, TimeUnit.MILLISECONDS)
                .maxDelay(2, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> subscribe())
                .buildAsync();
        c.publishes(MqttGlobalPublishFilter.ALL, this::onMessage, true);
        client = c;
        c.connectWith().cleanSession(false).keepAlive(30).send().whenComplete((ack, e) -> {
            if (e != null) {
                log.warn(
                        "MQTT connect to {}:{} failed, retrying: {}",
                        broker.embedded() ? "embedded" : url,
                        broker.port(),
                        e.toString());
            }
        });
        // Ready only once subscribed: a reading published before the first subscription of a
        // fresh broker would reach no session and be lost. An unreachable external broker does
        // not hold the start up for long; the client keeps reconnecting.
        try {
            subscribed.get(SUBSCRIBE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("MQTT not subscribed after {} s; readings are taken once it is", SUBSCRIBE_WAIT_SECONDS);
        } catch (ExecutionException e) {
            log.warn("MQTT subscribe failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void subscribe() {
        Mqtt3AsyncClient c = client;
        if (c == null) {
            return;
        }
        c.subscribeWith()
                .topicFilter(TOPIC_PREFIX + "+")
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .whenComplete((ack, e) -> {
                    if (e != null) {
                        log.warn("MQTT subscribe failed: {}", e.toString());
                    } else {
                        subscribed.complete(null);
                    }
                });
    }

    private void onMessage(Mqtt3Publish publish) {
        received.incrementAndGet();
        String topic = publish.getTopic().toString();
        String code = topic.startsWith(TOPIC_PREFIX) ? topic.substring(TOPIC_PREFIX.length()) : topic;
        Incoming m = Incoming.parse(code, publish.getPayloadAsBytes(), Instant.now(clock));
        try {
            intake.offer(m).whenComplete((outcome, e) -> {
                if (e == null) {
                    publish.acknowledge();
                } else {
                    // Not acknowledged: the broker delivers it again after the next reconnect.
                    log.warn("Reading of {} not stored: {}", code, e.toString());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Reading of {} not queued: {}", code, e.toString());
        }
    }

    long received() {
        return received.get();
    }

    boolean connected() {
        Mqtt3AsyncClient c = client;
        return c != null && c.getState().isConnected();
    }

    @Override
    public synchronized void stop() {
        Mqtt3AsyncClient c = client;
        client = null;
        subscribed = new CompletableFuture<>();
        if (c != null) {
            try {
                c.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("MQTT disconnect: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return client != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 50;
    }
}
