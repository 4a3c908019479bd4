package org.pingji.warning;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The platform's MQTT clients (HiveMQ, MQTT 3.1.1), each a persistent session
 * ({@code cleanSession=false}, fixed client id) subscribed with QoS 1; a message is acknowledged only
 * after its reading committed (manual acknowledgement), so a broker or platform restart loses nothing
 * the broker accepted; they reconnect by themselves.
 *
 * <p>A broker lets only a few unacknowledged messages be in flight to one session (Moquette 0.17: 10,
 * fixed; Mosquitto: {@code max_inflight_messages}, default 20), so one session that waits for a commit
 * before each acknowledgement takes at most that many readings per commit. The registered sensors are
 * therefore spread over {@code pingji.mqtt.lanes} sessions ("lanes", by a hash of the code), each
 * subscribed to its sensors' exact topics; one more session subscribes to {@code pingji/sensors/+} and
 * catches what no lane carries: unknown sensors, and any sensor whose lane is not connected and
 * subscribed right now. It acknowledges a message its lane carries at once without storing it (the
 * lane's session has it too); every other message it stores like a lane.
 */
@Component
class MqttSubscriber implements SmartLifecycle {

    static final String TOPIC_PREFIX = "pingji/sensors/";

    private static final Logger log = LoggerFactory.getLogger(MqttSubscriber.class);
    private static final int SUBSCRIBE_WAIT_SECONDS = 15;
    private static final int TOPICS_PER_SUBSCRIBE = 200;

    private final MqttBroker broker;
    private final ReadingIntake intake;
    private final Sensors sensors;
    private final Clock clock;
    private final String url;
    private final String clientId;
    private final boolean enabled;
    private final int laneCount;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong passedToLanes = new AtomicLong();
    private volatile Session catchAll;
    private volatile List<Session> lanes = List.of();

    /** One MQTT session: its client, the topics it is subscribed to on its current connection. */
    private final class Session {
        final String id;
        final boolean wildcard;
        final Set<String> codes = ConcurrentHashMap.newKeySet();
        final Set<String> subscribed = ConcurrentHashMap.newKeySet();
        final CompletableFuture<Void> firstSubscription = new CompletableFuture<>();
        volatile Mqtt3AsyncClient client;

        Session(String id, boolean wildcard) {
            this.id = id;
            this.wildcard = wildcard;
        }

        void connect(String host, int port, Consumer<Mqtt3Publish> onMessage) {
            Mqtt3AsyncClient c = MqttClient.builder()
                    .useMqttVersion3()
                    .identifier(id)
                    .serverHost(host)
                    .serverPort(port)
                    .automaticReconnect()
                    .initialDelay(100, TimeUnit.MILLISECONDS)
                    .maxDelay(2, TimeUnit.SECONDS)
                    .applyAutomaticReconnect()
                    .addConnectedListener(ctx -> subscribeAll())
                    .addDisconnectedListener(ctx -> subscribed.clear())
                    .buildAsync();
            c.publishes(MqttGlobalPublishFilter.ALL, onMessage, true);
            client = c;
            c.connectWith().cleanSession(false).keepAlive(30).send().whenComplete((ack, e) -> {
                if (e != null) {
                    log.warn("MQTT session {} connect to {}:{} failed, retrying: {}", id, host, port, e.toString());
                }
            });
        }

        void subscribeAll() {
            if (wildcard) {
                subscribe(List.of(), true);
                return;
            }
            List<String> all = new ArrayList<>(codes);
            if (all.isEmpty()) {
                firstSubscription.complete(null);
            }
            for (int i = 0; i < all.size(); i += TOPICS_PER_SUBSCRIBE) {
                subscribe(all.subList(i, Math.min(all.size(), i + TOPICS_PER_SUBSCRIBE)), false);
            }
        }

        void subscribe(List<String> some, boolean all) {
            Mqtt3AsyncClient c = client;
            if (c == null) {
                return;
            }
            List<Mqtt3Subscription> subscriptions = (all ? List.of("+") : some)
                    .stream()
                            .map(code -> Mqtt3Subscription.builder()
                                    .topicFilter(TOPIC_PREFIX + code)
                                    .qos(MqttQos.AT_LEAST_ONCE)
                                    .build())
                            .toList();
            List<String> codesNow = List.copyOf(some);
            c.subscribeWith().addSubscriptions(subscriptions).send().whenComplete((ack, e) -> {
                if (e != null) {
                    log.warn("MQTT session {} subscribe failed: {}", id, e.toString());
                } else {
                    if (c.getState().isConnected()) {
                        subscribed.addAll(codesNow);
                    }
                    firstSubscription.complete(null);
                }
            });
        }

        void stop() {
            Mqtt3AsyncClient c = client;
            client = null;
            subscribed.clear();
            if (c != null) {
                try {
                    c.disconnect().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.debug("MQTT session {} disconnect: {}", id, e.toString());
                }
            }
        }
    }

    MqttSubscriber(
            MqttBroker broker,
            ReadingIntake intake,
            Sensors sensors,
            Clock clock,
            @Value("${pingji.mqtt.url:}") String url,
            @Value("${pingji.mqtt.client-id:pingji-platform}") String clientId,
            @Value("${pingji.mqtt.enabled:true}") boolean enabled,
            @Value("${pingji.mqtt.lanes:16}") int laneCount) {
        this.broker = broker;
        this.intake = intake;
        this.sensors = sensors;
        this.clock = clock;
        this.url = url;
        this.clientId = clientId;
        this.enabled = enabled;
        this.laneCount = Math.max(0, laneCount);
        sensors.onRegistered(this::route);
    }

    @Override
    public synchronized void start() {
        if (!enabled || catchAll != null) {
            return;
        }
        String host = "127.0.0.1";
        int port = broker.port();
        if (!broker.embedded()) {
            URI uri = URI.create(url);
            host = uri.getHost();
            port = uri.getPort() > 0 ? uri.getPort() : 1883;
        }
        List<Session> ls = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            ls.add(new Session(clientId + "-lane" + i, false));
        }
        for (Sensor s : sensors.all()) {
            if (!ls.isEmpty()) {
                ls.get(laneOf(s.code(), ls.size())).codes.add(s.code());
            }
        }
        lanes = List.copyOf(ls);
        Session all = new Session(clientId, true);
        catchAll = all;
        all.connect(host, port, p -> onMessage(p, true));
        for (Session lane : lanes) {
            lane.connect(host, port, p -> onMessage(p, false));
        }
        // Ready only once subscribed: a reading published before the first subscription of a
        // fresh broker would reach no session and be lost. An unreachable external broker does
        // not hold the start up for long; the clients keep reconnecting.
        List<CompletableFuture<Void>> firsts = new ArrayList<>();
        firsts.add(all.firstSubscription);
        lanes.forEach(l -> firsts.add(l.firstSubscription));
        try {
            CompletableFuture.allOf(firsts.toArray(CompletableFuture[]::new))
                    .get(SUBSCRIBE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("MQTT not subscribed after {} s; readings are taken once it is", SUBSCRIBE_WAIT_SECONDS);
        } catch (ExecutionException e) {
            log.warn("MQTT subscribe failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int laneOf(String code, int lanes) {
        return Math.floorMod(code.hashCode(), lanes);
    }

    /** A sensor registered after the start: its lane subscribes to it (the catch-all has it until then). */
    private void route(String code) {
        List<Session> ls = lanes;
        if (ls.isEmpty()) {
            return;
        }
        Session lane = ls.get(laneOf(code, ls.size()));
        if (lane.codes.add(code)
                && lane.client != null
                && lane.client.getState().isConnected()) {
            lane.subscribe(List.of(code), false);
        }
    }

    private void onMessage(Mqtt3Publish publish, boolean fromCatchAll) {
        String topic = publish.getTopic().toString();
        String code = topic.startsWith(TOPIC_PREFIX) ? topic.substring(TOPIC_PREFIX.length()) : topic;
        if (fromCatchAll) {
            List<Session> ls = lanes;
            if (!ls.isEmpty() && ls.get(laneOf(code, ls.size())).subscribed.contains(code)) {
                // its lane is connected and subscribed: the lane's session stores it
                passedToLanes.incrementAndGet();
                publish.acknowledge();
                return;
            }
        }
        received.incrementAndGet();
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

    /** Messages taken for storing (by lanes and the catch-all). */
    long received() {
        return received.get();
    }

    boolean connected() {
        Session c = catchAll;
        return c != null && c.client != null && c.client.getState().isConnected();
    }

    @Override
    public synchronized void stop() {
        Session c = catchAll;
        catchAll = null;
        List<Session> ls = lanes;
        lanes = List.of();
        ls.forEach(Session::stop);
        if (c != null) {
            c.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return catchAll != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 50;
    }
}
