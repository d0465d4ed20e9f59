package dev.flinkjupyter.ml;

/** Exceptions of a pass, carried from a subtask to the estimator as bytes. */
final class PassErrors {
    private PassErrors() {
    }

    /** The exception, serialised; when it cannot be, an {@link IllegalStateException} with its text. */
    static byte[] serialize(Throwable e) {
        try {
            return DataPass.serialize(e);
        } catch (IllegalStateException notSerializable) {
            IllegalStateException plain = new IllegalStateException(e.toString());
            plain.setStackTrace(e.getStackTrace());
            return DataPass.serialize(plain);
        }
    }

    /** The exception back, or one that says it could not be read. */
    static Throwable deserialize(byte[] bytes) {
        try {
            return DataPass.deserialize(bytes);
        } catch (IllegalStateException e) {
            return new IllegalStateException("a pass failed, and its exception could not be read back", e);
        }
    }
}
