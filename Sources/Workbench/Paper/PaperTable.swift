import CoInference

/// GCoDE's headline table as measured here: per system and bandwidth the rows of `PaperTableRow`, plus per
/// system the search's budget and wall time. Made by `PaperTable.run` (PaperTable+Run.swift).
public struct PaperTable: Sendable, Equatable {
    /// What the search did on one system.
    public struct SearchRecord: Sendable, Equatable {
        /// The system's name.
        public var system: String
        /// The latency budgets, seconds (each had one target per bandwidth).
        public var budgets: [Double]
        /// Where the cost table came from: `profiled in 1m05s` or `loaded from FILE`.
        public var costTable: String
        /// Wall seconds of the whole search (cost predictions and inherited-weight scores).
        public var wallSeconds: Double
        /// Wall seconds until the end of the generation that found the last of the targets' best designs.
        public var secondsToBest: Double
        /// Candidates drawn in all.
        public var candidates: Int
        /// Designs within the budget per target (budget by budget, bandwidth by bandwidth).
        public var survivors: [Int]
        /// Targets with no design within their budget, as `30 ms @ 10 Mbit/s`.
        public var unmet: [String]
    }

    /// The settings of the run.
    public var settings: PaperTableSettings
    /// Every row, system by system, bandwidth by bandwidth, in `PaperTableRow.Kind` order.
    public var rows: [PaperTableRow]
    /// One record per system.
    public var searches: [SearchRecord]
    /// Training set size, test set size, points per cloud and classes of the data.
    public var data: (train: Int, test: Int, points: Int, classes: Int)
    /// Wall seconds of the whole run.
    public var wallSeconds: Double

    /// Equal when every field is.
    public static func == (lhs: PaperTable, rhs: PaperTable) -> Bool {
        lhs.settings == rhs.settings && lhs.rows == rhs.rows && lhs.searches == rhs.searches
            && lhs.data == rhs.data && lhs.wallSeconds == rhs.wallSeconds
    }

    /// The rows of one system and bandwidth.
    public func rows(system: String, bandwidth: Double) -> [PaperTableRow] {
        rows.filter { $0.system == system && $0.bandwidth == bandwidth }
    }

    /// The Tandem row of a system and bandwidth (nil when no design met the budget).
    public func tandem(system: String, bandwidth: Double) -> PaperTableRow? {
        rows(system: system, bandwidth: bandwidth).first { $0.kind == .tandem }
    }
}
