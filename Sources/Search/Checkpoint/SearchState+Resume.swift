import Design

extension SearchState {
    /// Throws unless this (loaded) state is a search of `space` with `targets` and `options`, naming the
    /// first difference, so that `resume=PATH` cannot continue a different search. `options.generations`
    /// may be larger than the saved one (a finished search can be extended).
    public func checkResumable(space: DesignSpace, targets: [SearchTarget], options: SearchOptions) throws(SearchError)
    {
        func mismatch(_ what: String, _ saved: String, _ given: String) -> SearchError {
            .invalidOption(
                detail: "the checkpoint was saved with \(what) \(saved), this search has \(given): resume with the "
                    + "same settings or start a new checkpoint")
        }
        if space != self.space { throw mismatch("space", "'\(self.space.name)'", "'\(space.name)'") }
        if targets != self.targets {
            throw mismatch(
                "targets", self.targets.map(\.description).joined(separator: "; "),
                targets.map(\.description).joined(separator: "; "))
        }
        var comparable = options
        comparable.generations = self.options.generations
        if comparable != self.options { throw mismatch("options", "\(self.options)", "\(options)") }
        if options.generations < self.options.generations {
            throw mismatch("generations", "\(self.options.generations)", "\(options.generations) (fewer)")
        }
    }

    /// This state with `generations` generations in total (at least the saved number), to extend a search.
    public func extended(toGenerations generations: Int) throws -> SearchState {
        guard generations >= options.generations else {
            throw SearchError.invalidOption(
                detail: "generations=\(generations) is fewer than the \(options.generations) already planned")
        }
        var options = self.options
        options.generations = generations
        return try SearchState(
            space: space, targets: targets, options: options, generator: generator, nextGeneration: nextGeneration,
            designs: designs, counters: counters)
    }
}
