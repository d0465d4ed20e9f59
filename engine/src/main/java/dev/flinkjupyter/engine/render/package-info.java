/**
 * How Flink's values look in a notebook: tables ({@code Table}, {@code TableResult}, collected
 * {@code Row}s and tuples) in display's common table look, with Flink's column types, read only
 * as far as the display's row limit. Registered with display through
 * {@code META-INF/services/dev.flinkjupyter.display.RendererProvider}. The rows of a streaming query
 * are shown live instead, updated in place as they arrive ({@link dev.flinkjupyter.engine.render.Live}).
 */
package dev.flinkjupyter.engine.render;
