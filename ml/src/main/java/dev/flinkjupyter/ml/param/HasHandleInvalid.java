package dev.flinkjupyter.ml.param;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.WithParams;

/** What to do with a row the stage cannot handle (a null, an unseen category). */
public interface HasHandleInvalid<T> extends WithParams<T> {
    /** Fail the job with an error naming the column and the value. */
    String ERROR = "error";
    /** Drop the row. */
    String SKIP = "skip";
    /** Keep the row: an extra index for unseen categories, NaN for missing numbers. */
    String KEEP = "keep";

    /** What to do with a row the stage cannot handle: error, skip or keep. */
    Param<String> HANDLE_INVALID = new Param<>("handleInvalid", String.class,
            "What to do with a row the stage cannot handle: error, skip or keep.", ERROR,
            ParamValidator.inArray(ERROR, SKIP, KEEP));

    /** What to do with a row the stage cannot handle. */
    default String getHandleInvalid() {
        return get(HANDLE_INVALID);
    }

    /** Sets what to do with a row the stage cannot handle: error, skip or keep. */
    default T setHandleInvalid(String value) {
        return set(HANDLE_INVALID, value);
    }
}
