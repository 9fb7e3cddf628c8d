package org.helpdesk.it.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The cluster's SMTP servers: one real SMTP server (GreenMail) per node on 127.0.0.1, node1's at
 * {@code it.cluster.smtp.port} (3525) and node2's at the next port, so that a test can tell which
 * node sent a mail. The nodes' mail sessions point there from their start ({@link
 * TestCluster#nodeProperties}); they send only while a test has turned sending on.
 */
final class ClusterMail implements AutoCloseable {

    private static final int FIRST_PORT = Integer.getInteger("it.cluster.smtp.port", 3525);

    /** The header that names the outbox row a mail was sent for (org.helpdesk.mail.MailDelivery). */
    private static final String OUTBOX_ID_HEADER = "X-Helpdesk-Outbox-Id";

    private final Map<String, GreenMail> servers = new LinkedHashMap<>();

    /** The SMTP port the node sends to; any other server of the tests is given node1's. */
    static int port(String node) {
        return node.equals(TestCluster.NODE2) ? FIRST_PORT + 1 : FIRST_PORT;
    }

    void start() {
        for (String node : List.of(TestCluster.NODE1, TestCluster.NODE2)) {
            GreenMail server = new GreenMail(new ServerSetup(port(node), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            servers.put(node, server);
        }
    }

    /** Per node, the outbox row of every mail its SMTP server received, in order of arrival. */
    Map<String, List<Long>> outboxIdsByNode() throws MessagingException {
        Map<String, List<Long>> byNode = new LinkedHashMap<>();
        for (Map.Entry<String, GreenMail> server : servers.entrySet()) {
            List<Long> ids = new ArrayList<>();
            for (MimeMessage message : server.getValue().getReceivedMessages()) {
                ids.add(Long.parseLong(message.getHeader(OUTBOX_ID_HEADER, null)));
            }
            byNode.put(server.getKey(), ids);
        }
        return byNode;
    }

    @Override
    public void close() {
        servers.values().forEach(GreenMail::stop);
        servers.clear();
    }
}
