import GNN

extension Mapping {
    /// The mapping drawn as text for `show ARCH`: the architecture in both forms, then one row per position
    /// with its op in the lane of its side (device left, edge right), its input → output width, FLOPs and
    /// parameters; under each communicate an arrow and what crosses the link with its size; the head and the
    /// returned logits; then FLOPs, parameters and bytes sent per side. Plain text, fixed-width, no colours.
    public var drawing: String {
        let lane = max(22, steps.map { $0.operation.description.count + 6 }.max() ?? 0)
        var lines: [String] = []
        lines.append(architecture.text)
        lines.append(architecture.datasetForm)
        lines.append(
            "mode \(mode) · space \(space.name) · P \(space.pointsPerCloud) · k \(space.k) · link "
                + (space.float16Link ? "float16" : "float32"))
        lines.append("")
        let header =
            "pos".leftPadded(4) + "  " + "device".padded(lane) + "edge".padded(lane) + "width".leftPadded(11)
            + "FLOPs".leftPadded(10) + "params".leftPadded(10)
        lines.append(header)
        lines.append(String(repeating: "─", count: header.count))
        for step in steps {
            var label = step.operation.description
            if step.operation == .communicate { label = step.side == .device ? "comm ═══▶" : "◀═══ comm" }
            let deviceText = step.side == .device ? label : ""
            let edgeText = step.side == .edge ? label : ""
            let widthText =
                step.inputWidth == step.outputWidth ? "\(step.outputWidth)" : "\(step.inputWidth)→\(step.outputWidth)"
            lines.append(
                "\(step.position)".leftPadded(4) + "  " + deviceText.padded(lane) + edgeText.padded(lane)
                    + widthText.leftPadded(11) + Formatting.si(step.flops).leftPadded(10)
                    + (step.parameters == 0 ? "" : Formatting.si(step.parameters)).leftPadded(10))
            if let crossing = crossings.first(where: { $0.position == step.position }) {
                lines.append(contentsOf: crossingLines(crossing))
            }
        }
        let headText = "fc " + head.widths.map(String.init).joined(separator: "→")
        lines.append(
            "head".leftPadded(4) + "  " + (head.side == .device ? headText : "").padded(lane)
                + (head.side == .edge ? headText : "").padded(lane)
                + "\(head.widths[0])→\(space.classes)".leftPadded(11)
                + Formatting.si(head.flops).leftPadded(10) + Formatting.si(head.parameters).leftPadded(10))
        if let returned = crossings.first(where: { $0.position == nil }) {
            lines.append(contentsOf: crossingLines(returned))
        }
        lines.append("")
        lines.append("side".padded(8) + "FLOPs".leftPadded(10) + "params".leftPadded(10) + "sends".leftPadded(12))
        for side in Side.allCases {
            let cost = cost(on: side)
            lines.append(
                side.rawValue.padded(8) + Formatting.si(cost.flops).leftPadded(10)
                    + Formatting.si(cost.parameters).leftPadded(10)
                    + ByteCount(bytesSent(from: side)).description.leftPadded(12))
        }
        lines.append(
            "link: \(ByteCount(linkBytes)) per sample in \(crossings.count) crossing"
                + (crossings.count == 1 ? "" : "s"))
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// The line(s) under a crossing: direction and payloads.
    private func crossingLines(_ crossing: LinkCrossing) -> [String] {
        let arrow = crossing.from == .device ? "device ══▶ edge" : "edge ══▶ device"
        return ["      ⇄ " + arrow + ": " + crossing.payloads.map(\.description).joined(separator: " + ")]
    }

    /// One line for lists (`arch sample`): mode, FLOPs per side, link bytes, readable form.
    public var summary: String {
        let device = cost(on: .device)
        let edge = cost(on: .edge)
        return "\(mode)".padded(4) + "device " + Formatting.si(device.flops).leftPadded(9) + "  edge "
            + Formatting.si(edge.flops).leftPadded(9) + "  link " + ByteCount(linkBytes).description.leftPadded(10)
            + "  " + architecture.text
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }

    /// The string preceded by spaces up to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
