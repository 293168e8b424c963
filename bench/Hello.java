/** The plain-JVM floor for bench/run.sh: a trivial main, compiled once into the bench work dir. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
