package dev.flinkjupyter.magics.load;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.table.data.RowData;

/**
 * A bulk format that adds the file's path to a {@link MalformedRowException} of the format it
 * wraps: only the split knows which file of a folder or glob is being read.
 */
final class FileNamingFormat implements BulkFormat<RowData, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    private final BulkFormat<RowData, FileSourceSplit> format;

    FileNamingFormat(BulkFormat<RowData, FileSourceSplit> format) {
        this.format = format;
    }

    @Override
    public Reader<RowData> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new Naming(format.createReader(config, split), split);
    }

    @Override
    public Reader<RowData> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        return new Naming(format.restoreReader(config, split), split);
    }

    @Override
    public boolean isSplittable() {
        return format.isSplittable();
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return format.getProducedType();
    }

    private static final class Naming implements Reader<RowData> {
        private final Reader<RowData> reader;
        private final FileSourceSplit split;

        Naming(Reader<RowData> reader, FileSourceSplit split) {
            this.reader = reader;
            this.split = split;
        }

        @Override
        public RecordIterator<RowData> readBatch() throws IOException {
            try {
                return reader.readBatch(); // the stream adapter reads a whole batch here
            } catch (MalformedRowException e) {
                throw e.inFile(split.path().getPath());
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
