package dev.warren.testing.process;

/** The child JVM of the launcher's tests; what it does is named by its first argument. */
public final class ChildForTests {
    private ChildForTests() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ready-until-input-closes" -> {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> System.out.println("TERMINATED")));
                System.out.println("starting");
                System.err.println("a log line");
                System.out.println("READY " + System.getenv("CHILD_TOKEN"));
                while (System.in.read() >= 0) {
                    // until the parent closes our standard input
                }
                System.out.println("INPUT-CLOSED");
            }
            case "never-ready" -> {
                System.out.println("hello");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "exit-3" -> {
                System.out.println("bye");
                System.exit(3);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
