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
 * The cluster's mail servers, real ones (GreenMail) on 127.0.0.1: one SMTP server per node, node1's
 * at {@code it.cluster.smtp.port} (3525) and node2's at the next port, so that a test can tell which
 * node sent a mail; and one IMAP server at the port after those (3527) with the helpdesk's mailbox,
 * {@link #HELPDESK}, which both nodes read replies from. The nodes' mail sessions point there from
 * their start ({@link TestCluster#nodeProperties}); they send and fetch only while a test has
 * turned that on.
 */
final class ClusterMail implements AutoCloseable {

    private static final int FIRST_PORT = Integer.getInteger("it.cluster.smtp.port", 3525);

    /** The header that names the outbox row a mail was sent for (org.helpdesk.mail.MailDelivery). */
    private static final String OUTBOX_ID_HEADER = "X-Helpdesk-Outbox-Id";

    /** The helpdesk's own address and mailbox, where replies arrive. */
    static final String HELPDESK = "helpdesk@helpdesk.test";

    static final String HELPDESK_PASSWORD = "helpdesk-cluster";

    static final int IMAP_PORT = FIRST_PORT + 2;

    private final Map<String, GreenMail> servers = new LinkedHashMap<>();
    private GreenMail mailbox;

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
        mailbox = new GreenMail(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mailbox.start();
        mailbox.setUser(HELPDESK, HELPDESK, HELPDESK_PASSWORD);
    }

    /** Puts a message into the helpdesk's mailbox, as the receiving mail server would. */
    void deliverToHelpdesk(MimeMessage message) {
        mailbox.getUserManager().getUserByEmail(HELPDESK).deliver(message);
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
        if (mailbox != null) {
            mailbox.stop();
            mailbox = null;
        }
    }
}
