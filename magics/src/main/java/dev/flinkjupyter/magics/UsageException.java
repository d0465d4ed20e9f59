package dev.flinkjupyter.magics;

/** A magic called with options it does not take: the message says which, the usage follows it. */
public final class UsageException extends MagicException {
    private final String usage;

    UsageException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    /** The magic's usage text, as {@code --help} prints it. */
    public String usage() {
        return usage;
    }
}
