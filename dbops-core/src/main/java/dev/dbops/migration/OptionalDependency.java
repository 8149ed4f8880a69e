package dev.dbops.migration;

/** Checks for optional libraries without loading any class that links against them. */
final class OptionalDependency {

    private OptionalDependency() {
    }

    /** Whether a class can be found, without initializing it. */
    static boolean isPresent(String className, ClassLoader classLoader) {
        try {
            Class.forName(className, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The message for a missing library: what needed it and which dependency to add. */
    static String missing(String purpose, String coordinates, String testedVersion) {
        return purpose + " needs " + coordinates + " on the classpath, and it is not there: add the dependency "
                + coordinates + " (dbops is tested with " + testedVersion + ") next to dbops";
    }
}
