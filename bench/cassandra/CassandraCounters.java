// Prints Cassandra's own per-table counters (JMX) as one JSON object: the bench's profile phase
// reads it before and after a window (bench/cassandra-counters.ts). Run as a single-file source
// program: java CassandraCounters.java <jmx port> <keyspace>[,<keyspace>...]
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

public class CassandraCounters {
  // Per table: local reads, writes, range scans, and the three Paxos phases of an LWT.
  static final String[] TABLE_METRICS = {
    "ReadLatency", "WriteLatency", "RangeLatency",
    "CasPrepareLatency", "CasProposeLatency", "CasCommitLatency",
  };
  // Coordinator side: LWT writes and serial reads, and how many of them met contention.
  static final String[][] CLIENT_METRICS = {
    {"CASWrite", "Latency"}, {"CASWrite", "ContentionHistogram"}, {"CASWrite", "Unfinished"},
    {"CASRead", "Latency"}, {"Read", "Latency"}, {"Write", "Latency"},
  };

  public static void main(String[] args) throws Exception {
    String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + args[0] + "/jmxrmi";
    StringBuilder out = new StringBuilder("{\"tables\":[");
    try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(url))) {
      MBeanServerConnection s = c.getMBeanServerConnection();
      boolean first = true;
      for (String ks : args[1].split(",")) {
        for (String metric : TABLE_METRICS) {
          Set<ObjectName> names = s.queryNames(new ObjectName(
              "org.apache.cassandra.metrics:type=Table,keyspace=" + ks + ",scope=*,name=" + metric), null);
          for (ObjectName n : names) {
            Object count = s.getAttribute(n, "Count");
            if (!first) out.append(',');
            first = false;
            out.append("{\"keyspace\":\"").append(ks).append("\",\"table\":\"")
                .append(n.getKeyProperty("scope")).append("\",\"metric\":\"").append(metric)
                .append("\",\"count\":").append(count).append('}');
          }
        }
      }
      out.append("],\"client\":[");
      first = true;
      for (String[] m : CLIENT_METRICS) {
        ObjectName n = new ObjectName(
            "org.apache.cassandra.metrics:type=ClientRequest,scope=" + m[0] + ",name=" + m[1]);
        if (!s.isRegistered(n)) continue;
        Object count = s.getAttribute(n, "Count");
        if (!first) out.append(',');
        first = false;
        out.append("{\"scope\":\"").append(m[0]).append("\",\"metric\":\"").append(m[1])
            .append("\",\"count\":").append(count).append('}');
      }
      ObjectName sp = new ObjectName("org.apache.cassandra.db:type=StorageProxy");
      Object variant = s.getAttribute(sp, "PaxosVariant");
      out.append("],\"paxosVariant\":\"").append(variant).append("\"}");
    }
    System.out.println(out);
  }
}
