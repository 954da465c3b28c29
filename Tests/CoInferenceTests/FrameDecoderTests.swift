import Tensor
import Testing

@testable import CoInference

/// A few frames of every kind, as a device and an edge would send them.
private func sampleFrames() -> [Frame] {
    let features = WireTensor(name: "features", shape: [2, 3], floats: [1, -2, 3.5, 0, 1e-3, 7], float16: false)
    let graph = WireTensor(name: "graph", shape: [3, 2], ints: [0, 1, 2, 0, 1, 2])
    let half = WireTensor(name: "skip1", shape: [4], floats: [0.5, 1, 2, -4], float16: true)
    return [
        .hello(Hello(identity: "dgcnn/k20 crc 1234abcd", split: 3)),
        Frame(type: .welcome, modelID: 77),
        .tensors(
            .request, requestID: 1, modelID: 77, segment: 1, flags: 1,
            TensorMessage(batch: 1, nodes: 2, tensors: [features, graph])),
        .tensors(
            .reply, requestID: 1, modelID: 77, segment: 1, flags: 0,
            TensorMessage(batch: 1, nodes: 1, edgeSeconds: 0.25, tensors: [half])),
        .tensors(
            .request, requestID: 2, modelID: 77, segment: 1, flags: 0, TensorMessage(batch: 0, nodes: 0, tensors: [])),
        .error(WireFailure(.unknownModel, "no model 'x' with split 3"), requestID: 9),
    ]
}

/// Decodes everything in `chunks`, fed one chunk at a time.
private func decodeAll(_ chunks: [[UInt8]]) throws -> [Frame] {
    var decoder = FrameDecoder()
    var frames: [Frame] = []
    for chunk in chunks {
        decoder.append(chunk)
        while let frame = try decoder.next() { frames.append(frame) }
    }
    try decoder.finish()
    return frames
}

@Test func decoderReturnsTheSameFramesByteByByteManyPerBufferAndOnePerBuffer() throws {
    let frames = sampleFrames()
    let encoded = frames.map { $0.encoded() }
    let all = encoded.flatMap { $0 }
    #expect(try decodeAll(all.map { [$0] }) == frames)
    #expect(try decodeAll([all]) == frames)
    #expect(try decodeAll(encoded) == frames)
    // Irregular chunks that cut headers and payloads anywhere.
    var generator = SeededGenerator(seed: 5)
    var chunks: [[UInt8]] = []
    var offset = 0
    while offset < all.count {
        let n = Int.random(in: 1...40, using: &generator)
        chunks.append(Array(all[offset..<min(all.count, offset + n)]))
        offset += n
    }
    #expect(try decodeAll(chunks) == frames)
}

@Test func messagesRoundTripThroughTheirFrames() throws {
    let frames = sampleFrames()
    #expect(try frames[0].hello() == Hello(identity: "dgcnn/k20 crc 1234abcd", split: 3))
    let request = try frames[2].tensorMessage()
    #expect(request.batch == 1 && request.nodes == 2)
    #expect(try request.tensors[0].floats() == [1, -2, 3.5, 0, 1e-3, 7])
    #expect(try request.tensors[1].ints() == [0, 1, 2, 0, 1, 2])
    let reply = try frames[3].tensorMessage()
    #expect(abs(reply.edgeSeconds - 0.25) < 1e-9)
    #expect(try reply.tensors[0].floats() == [0.5, 1, 2, -4])
    #expect(try frames[5].failure() == WireFailure(.unknownModel, "no model 'x' with split 3"))
}

@Test func decoderRefusesEachKindOfBadHeader() {
    let good = sampleFrames()[2].encoded()
    func decodeError(_ bytes: [UInt8], finish: Bool = false) -> WireError? {
        var decoder = FrameDecoder(limits: WireLimits(maxPayload: 1 << 16))
        decoder.append(bytes)
        do {
            while try decoder.next() != nil {}
            if finish { try decoder.finish() }
            return nil
        } catch { return error }
    }
    var wrongVersion = good
    wrongVersion[4] = 9
    #expect(decodeError(wrongVersion) == .unsupportedVersion(9))
    var wrongType = good
    wrongType[5] = 42
    #expect(decodeError(wrongType) == .unknownType(42))
    var oversized = good
    oversized[24...27] = [0, 0, 0, 1]  // 16 MiB payload, over the 64 KiB limit: refused from the header alone
    #expect(decodeError(Array(oversized.prefix(32))) == .tooLarge("payload length", 1 << 24, limit: 1 << 16))
    var corrupted = good
    corrupted[40] ^= 0x10
    guard case .checksumMismatch = decodeError(corrupted) else {
        Issue.record("a flipped payload bit was not caught")
        return
    }
    #expect(decodeError(Array("HTTP/1.1".utf8)) == .badMagic(Array("HTTP".utf8)))
    guard case .malformed = decodeError(Array(good.dropLast(3)), finish: true) else {
        Issue.record("a truncated frame was not reported")
        return
    }
}

/// Writes a frame with a valid header and checksum around an arbitrary payload.
private func framed(_ type: MessageType, tensorCount: UInt16, payload: [UInt8]) -> [UInt8] {
    Frame(type: type, requestID: 3, modelID: 1, tensorCount: tensorCount, payload: payload).encoded()
}

@Test func tenThousandRandomTruncatedOversizedWrongVersionAndWrongChecksumFramesAreErrorsNeverTraps() {
    var generator = SeededGenerator(seed: 2024)
    let valid = sampleFrames().map { $0.encoded() }
    var errors = 0
    var accepted = 0
    for round in 0..<10_000 {
        var bytes = valid[round % valid.count]
        switch round % 7 {
        case 0:
            bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
        case 1: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
        case 2: bytes[24...27] = [0xFF, 0xFF, 0xFF, UInt8.random(in: 0x10...0xFF, using: &generator)]
        case 3: bytes[4] = UInt8.random(in: 2...255, using: &generator)
        case 4:
            let i = Int.random(
                in: WireFormat.headerSize..<max(WireFormat.headerSize + 1, bytes.count), using: &generator)
            if i < bytes.count { bytes[i] ^= UInt8.random(in: 1...255, using: &generator) } else { bytes[28] ^= 1 }
        case 5:
            // Valid header and checksum around a random payload: the message decoder must refuse it.
            let payload = (0..<Int.random(in: 0...120, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let type: MessageType = [.hello, .request, .reply, .error].randomElement(using: &generator) ?? .request
            bytes = framed(type, tensorCount: UInt16.random(in: 0...70, using: &generator), payload: payload)
        default:
            // A valid request whose tensor header lies about rank, dimensions or name length.
            var payload = [UInt8](repeating: 0, count: 16)
            payload[0] = 1
            payload += [UInt8.random(in: 0...255, using: &generator), 0]  // name length
            payload += [UInt8](repeating: 0x41, count: Int.random(in: 0...4, using: &generator))
            payload += [UInt8.random(in: 0...3, using: &generator), UInt8.random(in: 0...40, using: &generator)]
            payload += (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            bytes = framed(.request, tensorCount: 1, payload: payload)
        }
        var decoder = FrameDecoder(limits: WireLimits(maxPayload: 1 << 20))
        decoder.append(bytes)
        do {
            while let frame = try decoder.next() {
                switch frame.type {
                case .hello: _ = try frame.hello()
                case .request, .reply: _ = try frame.tensorMessage()
                case .error: _ = try frame.failure()
                case .welcome: break
                }
            }
            try decoder.finish()
            accepted += 1
        } catch {
            errors += 1
            #expect(!error.description.isEmpty)
        }
    }
    #expect(errors + accepted == 10_000)
    #expect(errors > 9_000, "only \(errors) of 10 000 damaged frames were refused")
}
