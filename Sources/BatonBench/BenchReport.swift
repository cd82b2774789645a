import BatonLang

/// Formats benchmark figures as a table for people and JSON for machines.
enum BenchReport {
    static func table(
        _ figures: [ExpressionBenchmark.Figure], leads: Int, passes: Int, batch: BatchBenchmark.Figure? = nil
    ) -> String {
        var lines = [
            "Baton expression benchmark: \(leads) leads, median of \(passes) passes (engine and hand-written alternately; ratio: median of the per-pass ratios)",
            "",
            "| expr | engine ns/eval | hand-written ns/eval | ratio | compile µs |",
            "|---|---:|---:|---:|---:|",
        ]
        for figure in figures {
            lines.append(
                "| \(figure.id) | \(fixed(figure.engineNanoseconds, 1)) | \(fixed(figure.handwrittenNanoseconds, 1)) | "
                    + "\(fixed(figure.ratio, 2)) | \(fixed(figure.compileMicroseconds, 1)) |")
        }
        if let batch {
            lines += [
                "",
                "Whole decisions (baton batch pipeline, example ruleset, \(batch.leads) leads, JSON in and out; median of \(batch.pairs) pairs of passes, 1 job then \(batch.jobs)):",
                "",
                "| leads/s, 1 job | leads/s, \(batch.jobs) jobs | speed-up | peak RSS MB | RSS MB before | ruleset load ms |",
                "|---:|---:|---:|---:|---:|---:|",
                "| \(fixed(batch.leadsPerSecondOneJob, 0)) | \(fixed(batch.leadsPerSecondAllJobs, 0)) | "
                    + "\(fixed(batch.speedUp, 2)) | "
                    + "\(fixed(batch.peakResidentMegabytes, 1)) | \(fixed(batch.startResidentMegabytes, 1)) | "
                    + "\(fixed(batch.loadMilliseconds, 1)) |",
                "",
                "The stages apart (1 job, \(batch.stages.leads) leads, ns per lead):",
                "",
                "| read (JSON to typed lead) | evaluate (score, route, handoff) | write (decision JSON) | free | sum |",
                "|---:|---:|---:|---:|---:|",
                "| \(fixed(batch.stages.readNanoseconds, 0)) | \(fixed(batch.stages.evaluateNanoseconds, 0)) | "
                    + "\(fixed(batch.stages.writeNanoseconds, 0)) | \(fixed(batch.stages.freeNanoseconds, 0)) | "
                    + "\(fixed(batch.stages.totalNanoseconds, 0)) |",
            ]
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ figures: [ExpressionBenchmark.Figure], batch: BatchBenchmark.Figure? = nil) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("expressions")
        writer.beginObject()
        for figure in figures {
            writer.key(figure.id)
            writer.beginObject()
            writer.key("engine_ns")
            writer.double(rounded(figure.engineNanoseconds, 1))
            writer.key("handwritten_ns")
            writer.double(rounded(figure.handwrittenNanoseconds, 1))
            writer.key("ratio")
            writer.double(rounded(figure.ratio, 2))
            writer.key("compile_us")
            writer.double(rounded(figure.compileMicroseconds, 1))
            writer.endObject()
        }
        writer.endObject()
        if let batch {
            writer.key("batch")
            writer.beginObject()
            let members = [
                ("leads_per_s_1job", rounded(batch.leadsPerSecondOneJob, 0)),
                ("leads_per_s_all", rounded(batch.leadsPerSecondAllJobs, 0)),
                ("speedup_all", rounded(batch.speedUp, 2)),
                ("peak_rss_mb", rounded(batch.peakResidentMegabytes, 1)),
                ("ruleset_load_ms", rounded(batch.loadMilliseconds, 2)),
                ("read_ns_per_lead", rounded(batch.stages.readNanoseconds, 0)),
                ("evaluate_ns_per_lead", rounded(batch.stages.evaluateNanoseconds, 0)),
                ("write_ns_per_lead", rounded(batch.stages.writeNanoseconds, 0)),
                ("free_ns_per_lead", rounded(batch.stages.freeNanoseconds, 0)),
            ]
            for (key, value) in members {
                writer.key(key)
                writer.double(value)
            }
            writer.endObject()
        }
        writer.endObject()
        return writer.text
    }

    private static func rounded(_ value: Double, _ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    private static func fixed(_ value: Double, _ places: Int) -> String {
        let text = formatDecimal(rounded(value, places))
        guard places > 0 else { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
    }
}
