import LeanPlay

/// Prints a conjecturer job's summary.
enum JobReporting {
    static func print(_ summary: JobSummary, noun: String, output: String) {
        let progress = summary.progress
        Swift.print(
            "\(progress.completedItems) \(noun) done, \(progress.skippedItems) already done, \(progress.failedItems) failed; "
                + "\(progress.recordsWritten) lines written to \(output)")
        for note in summary.notes {
            printError("not done in full: \(note)")
        }
        for failure in summary.failures {
            printError("failed: \(failure.itemID): \(failure.error)")
        }
        if !summary.failures.isEmpty {
            printError("rerun the same command to retry the failed ones (finished ones are skipped)")
        }
    }
}
