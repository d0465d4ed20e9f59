/**
 * The notebook's magics: line magics {@code %name args} and cell magics {@code %%name args}, each
 * a small picocli command that reaches the session through {@link dev.flinkjupyter.magics.Session}.
 */
package dev.flinkjupyter.magics;
