package org.districtledger.testsupport;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Stops and restarts the tests' Kafka broker, to show what the services do during an outage. Possible with the
 * embedded broker only (not with servers named by the environment, nor with a container whose port would
 * change). The test resource and the test live in different class loaders, so the two meet through the
 * platform MBean server.
 */
public final class KafkaOutage {

    private static final ObjectName NAME = name();

    private KafkaOutage() {}

    /** The operations the MBean offers. */
    public interface ControlMBean {
        void stop();

        void restart();
    }

    /** The broker's stop and restart, as an MBean. */
    public static final class Control implements ControlMBean {
        private final Runnable stop;
        private final Runnable restart;

        Control(Runnable stop, Runnable restart) {
            this.stop = stop;
            this.restart = restart;
        }

        @Override
        public void stop() {
            stop.run();
        }

        @Override
        public void restart() {
            restart.run();
        }
    }

    static void register(Runnable stop, Runnable restart) {
        try {
            unregister();
            server().registerMBean(new Control(stop, restart), NAME);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot offer the Kafka outage control", e);
        }
    }

    static void unregister() {
        try {
            if (server().isRegistered(NAME)) {
                server().unregisterMBean(NAME);
            }
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the broker can be stopped and restarted in this run. */
    public static boolean possible() {
        return server().isRegistered(NAME);
    }

    public static void stopBroker() {
        invoke("stop");
    }

    public static void restartBroker() {
        invoke("restart");
    }

    private static void invoke(String operation) {
        try {
            server().invoke(NAME, operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("Kafka broker " + operation + " failed: " + e.getMessage(), e);
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static ObjectName name() {
        try {
            return new ObjectName("org.districtledger.test:type=KafkaOutage");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
