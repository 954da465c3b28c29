import HDF5

/// The logits of a run as an HDF5 file (`tandem device --logits FILE`), written to a temporary name and
/// renamed: dataset `logits` float32 [requests, classes] (request order, the values the device decided on),
/// dataset `labels` int64 [requests] (−1 when unknown), dataset `predictions` int64 [requests].
public enum LogitsFile {
    /// Writes `reports` to `path`; throws the HDF5 error naming the file, or a `CoInferenceError` when the
    /// requests' logits differ in width.
    public static func write(_ reports: [RequestReport], to path: String) throws {
        let ordered = reports.sorted { $0.id < $1.id }
        let classes = ordered.first?.logits.count ?? 0
        guard ordered.allSatisfy({ $0.logits.count == classes }) else {
            throw CoInferenceError(origin: "--logits \(path)", message: "the requests' logits differ in width")
        }
        try HDF5File.write(to: path) { file in
            try file.write(ordered.flatMap(\.logits), shape: [ordered.count, classes], at: "logits")
            try file.write(ordered.map { Int64($0.label ?? -1) }, shape: [ordered.count], at: "labels")
            try file.write(ordered.map { Int64($0.prediction) }, shape: [ordered.count], at: "predictions")
        }
    }
}
