import Foundation
import Design

/// `space PRESET [KEY=VALUE ...] as NAME`: a design space from a preset with fields changed.
struct SpaceCommand: Command {
    static let spec = CommandSpec(
        name: "space", group: .design, summary: "Define a design space from a preset, with fields changed",
        arguments: [
            .positional("preset", .choice(DesignSpace.presets.keys.sorted()), .value("paper"), "the starting preset")
        ]
            + DesignSpace.settingKeys.map { .key($0, .text, .optional, SpaceCommand.help[$0] ?? "a field") }
            + [.resultName(.value("space"), "session name of the space")],
        examples: [
            "space small as s", "space paper k=10 points=512 modes=D,DE as mine", "space small widths=8,16 as s2",
        ],
        records: true,
        details: """
            Lists are comma-separated. Ops: id, combine, agg, knn, pool, comm. Messages: full, source, edgeconv,
            rel. Reducers: max, mean, sum. Pools: max, mean, sum, max+mean, max+sum, mean+sum. Modes: D, E, DE,
            ED, DED. A changed space is named 'custom' and checked; `show NAME` lists every field.
            """)

    static let help: [String: String] = [
        "positions": "positions of every architecture", "ops": "op types allowed",
        "widths": "combine widths allowed", "messages": "aggregate messages allowed",
        "reducers": "aggregate reducers allowed", "pools": "global pools allowed", "modes": "device/edge mappings",
        "k": "neighbours of every kNN graph", "points": "points per cloud", "classes": "classes of the head",
        "head": "hidden widths of the head", "maxwidth": "largest feature width", "float16": "float16 link (yes/no)",
    ]

    static func run(_ call: Invocation, in shell: Shell) throws {
        let preset = call.text("preset") ?? "paper"
        guard var space = DesignSpace.preset(named: preset) else {
            throw call.error("unknown preset '\(preset)'", at: "preset")
        }
        for key in DesignSpace.settingKeys {
            guard let value = call.text(key) else { continue }
            do {
                try space.set(key, to: value)
            } catch {
                throw call.error(error.description, at: key)
            }
        }
        let sampler: ArchitectureSampler
        do {
            sampler = try ArchitectureSampler(space: space)
        } catch {
            throw call.error(error.description)
        }
        let name = call.text("as") ?? "space"
        shell.session.define(name, space)
        shell.console.print("\(name): design space \(space.summary), " + validCountText(sampler.validCount))
    }

    /// `1.24e+06 valid architectures`, `1 valid architecture`; a count beyond a Double says so.
    static func validCountText(_ count: Double) -> String {
        guard count.isFinite else { return "more than 1.8e+308 valid architectures" }
        if count == 1 { return "1 valid architecture" }
        return String(format: "%.3g", count) + " valid architectures"
    }
}
