/// How a search spends its budget of candidates.
public enum SearchStrategy: String, Sendable, Hashable, CaseIterable {
    /// Random sampling, then evolutionary refinement of the best survivors (Tandem's default).
    case evolutionary
    /// Random sampling only, the same number of candidates (the paper's search, for comparison).
    case random
}

/// What the search ranks survivors by (`ArchitectureScore`).
public enum SearchRanking: String, Sendable, Hashable, CaseIterable {
    /// Lowest inherited-weight validation loss first (the Design README measured it ranks better).
    case loss
    /// Highest inherited-weight accuracy first.
    case accuracy
}

/// The settings of one search; every number is a parameter, and the seed fixes the whole run.
///
/// Generation 0 draws `samples` architectures uniformly; each of the `generations` later generations draws
/// `children` more: in `.evolutionary` mode children of the best survivors (the `parents` best per target;
/// crossover with probability `crossoverRate`, otherwise one mutation of op, function or communicate
/// place), in `.random` mode fresh uniform samples. Both modes thus draw `samples + generations · children`
/// candidates.
public struct SearchOptions: Sendable, Hashable {
    /// Candidates drawn uniformly in generation 0.
    public var samples: Int
    /// Generations after generation 0.
    public var generations: Int
    /// Candidates drawn per later generation.
    public var children: Int
    /// Best survivors per target that become parents.
    public var parents: Int
    /// Probability that a child is a crossover of two parents (then also mutated) rather than a mutant.
    public var crossoverRate: Double
    /// Evolutionary refinement or random search only.
    public var strategy: SearchStrategy
    /// What survivors are ranked by.
    public var ranking: SearchRanking
    /// The seed of every random choice of the search.
    public var seed: UInt64

    /// Options with Tandem's defaults: 100 samples, 10 generations of 20 children from the 5 best per
    /// target, crossover rate 0.3, evolutionary, ranked by loss, seed 1.
    public init(
        samples: Int = 100, generations: Int = 10, children: Int = 20, parents: Int = 5, crossoverRate: Double = 0.3,
        strategy: SearchStrategy = .evolutionary, ranking: SearchRanking = .loss, seed: UInt64 = 1
    ) {
        self.samples = samples
        self.generations = generations
        self.children = children
        self.parents = parents
        self.crossoverRate = crossoverRate
        self.strategy = strategy
        self.ranking = ranking
        self.seed = seed
    }

    /// The total number of candidates drawn: `samples + generations · children`.
    public var candidateBudget: Int { samples + generations * children }

    /// Throws unless every count is usable.
    public func validate() throws(SearchError) {
        guard samples >= 1 else { throw .invalidOption(detail: "samples=\(samples): draw at least 1") }
        guard generations >= 0 else { throw .invalidOption(detail: "generations=\(generations) must be 0 or more") }
        guard children >= 1 else { throw .invalidOption(detail: "children=\(children): at least 1 per generation") }
        guard parents >= 1 else { throw .invalidOption(detail: "parents=\(parents): at least 1") }
        guard crossoverRate >= 0 && crossoverRate <= 1 else {
            throw .invalidOption(detail: "crossover rate \(crossoverRate) must be in [0, 1]")
        }
    }
}
