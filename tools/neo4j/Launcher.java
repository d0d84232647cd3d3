// Wijkgraaf local Neo4j launcher.
//
// Runs Neo4j Community 5.26 (embedded) as a standalone process that only speaks Bolt on
// 127.0.0.1:<port>. Meant to be run as a Java 17 single-file program, with the jars that
// tools/neo4j/pom.xml pulls into tools/neo4j/lib on the classpath:
//
//   java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED \
//        --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
//        -cp 'tools/neo4j/lib/*' tools/neo4j/Launcher.java --port 7687 --data /tmp/wijkgraaf-neo4j
//
// Normally started through script/neo4j. Prints "READY bolt://127.0.0.1:<port>" on stdout once
// the database accepts queries, then blocks until SIGTERM/SIGINT, on which it shuts the DBMS
// down cleanly (checkpoint). After a SIGKILL the next start on the same directory runs
// Neo4j's normal crash recovery from the transaction logs.

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Launcher {

    private static void usage(String problem) {
        System.err.println("Launcher: " + problem);
        System.err.println("usage: java -cp 'lib/*' Launcher.java --port N --data DIR");
        System.exit(2);
    }

    public static void main(String[] args) throws Exception {
        Integer port = null;
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--port") || a.equals("--data")) && i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            switch (a) {
                case "--port":
                    try {
                        port = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        usage("--port needs a number");
                    }
                    break;
                case "--data":
                    home = Path.of(args[++i]).toAbsolutePath().normalize();
                    break;
                case "-h":
                case "--help":
                    usage("help");
                    break;
                default:
                    usage("unknown argument " + a);
            }
        }
        if (port == null || port <= 0 || port > 65535) usage("--port N (1-65535) is required");
        if (home == null) usage("--data DIR is required");
        Files.createDirectories(home);

        final String uri = "bolt://127.0.0.1:" + port;
        final PrintStream out = System.out;
        long t0 = System.nanoTime();
        out.println("Launcher: starting Neo4j (home " + home + ", " + uri + ")");
        out.flush();

        // User-facing Neo4j messages go to stdout (script/neo4j sends it to .neo4j/neo4j.log);
        // the verbose debug.log stays in <home>/logs/.
        Log4jLogProvider userLog = new Log4jLogProvider(System.out, Level.INFO);

        final DatabaseManagementService dbms;
        try {
            dbms = build(home, port, userLog);
        } catch (Throwable t) {
            // e.g. the store is locked by another server, or the port is taken
            t.printStackTrace(out);
            Throwable root = t;
            while (root.getCause() != null) root = root.getCause();
            out.println("Launcher: failed to start Neo4j: " + root);
            out.flush();
            System.exit(1);
            return;
        }

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Launcher: shutting down Neo4j");
            out.flush();
            try {
                dbms.shutdown();
                out.println("Launcher: Neo4j stopped cleanly");
            } catch (Throwable t) {
                out.println("Launcher: error during shutdown: " + t);
                t.printStackTrace(out);
            } finally {
                userLog.close();
                out.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        // Wait until the default database is actually usable before announcing readiness.
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(10).toMillis())) {
            out.println("Launcher: database did not become available");
            out.flush();
            System.exit(1);
        }
        db.executeTransactionally("RETURN 1");

        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.println("Launcher: started in " + ms + " ms");
        out.println("READY " + uri);
        out.flush();

        // Block until the JVM is told to stop; the shutdown hook does the rest.
        stopped.await();
    }

    private static DatabaseManagementService build(Path home, int port, Log4jLogProvider userLog) {
        return new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(userLog)
                // Bolt only, on loopback; no HTTP(S).
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt is stopped after the databases; its default 5 s + 5 s grace periods only
                // make `stop` slow (a 12 s stop became ~2 s).
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Memory: modest page cache by default (tests); a benchmark or a real install
                // gives more with -Dwijkgraaf.pagecache.mb (script/neo4j: WIJKGRAAF_NEO4J_PAGECACHE_MB).
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        ByteUnit.mebiBytes(Long.getLong("wijkgraaf.pagecache.mb", 256)))
                // Disk: keep transaction logs small. Logs rotate at 16 MiB and are not
                // pre-allocated; a checkpoint runs whenever ~64 MiB of log has been written
                // (VOLUME policy; the default PERIODIC policy ignores the volume setting and
                // only checkpoints every 15 min / 100k tx, so a bulk load could pile up GBs);
                // each checkpoint prunes every log file not needed for recovery.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.check_point_policy, GraphDatabaseSettings.CheckpointPolicy.VOLUME)
                .setConfig(GraphDatabaseSettings.check_point_interval_volume,
                        ByteUnit.mebiBytes(Long.getLong("wijkgraaf.checkpoint.mb", 64)))
                // No phoning home (there is no internet here anyway).
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
    }
}
