package com.acme.reports.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class SettlementExportJob {

    private static final Logger log = LoggerFactory.getLogger(SettlementExportJob.class);

    private final Path outbox;
    private final ExportRegistry registry;

    public SettlementExportJob(Path outbox, ExportRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    public void publish(String batchId, byte[] csv) throws IOException {
        Path tmp = Files.createTempFile(outbox, batchId, ".part");
        Files.write(tmp, csv);
        Path target = outbox.resolve(batchId + ".csv");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        registry.markPublished(batchId, target.toString());
        log.info("settlement export {} published", batchId);
    }
}
