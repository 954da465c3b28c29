import Design
import Systems

/// `tandem edge [--listen 127.0.0.1:PORT] [--models FILE|ZOO...] [--workers N] [--cpu N|none]`: parses the
/// arguments and starts an `EdgeServer` (the executable adds signal handling).
public struct EdgeLaunch {
    /// The usage text.
    public static let usage = """
        usage: tandem edge [--listen HOST:PORT] --models FILE... [--workers N] [--max-connections N] [--cpu N|none]
        --models takes model files and zoo files (a zoo serves every member that carries weights)
        exit status: 0 stopped by SIGTERM or SIGINT after draining, 64 wrong use (the message names the argument)
        """
    /// The default port.
    public static let defaultPort: UInt16 = 7878

    /// The server configuration.
    public var configuration: EdgeServer.Configuration
    /// The CPU to pin to (nil: none).
    public var cpu: Int?

    /// Parses the arguments after `edge` and loads the models.
    public init(arguments: [String]) throws {
        let args = try CommandLineArguments(
            arguments, valued: ["--listen", "--models", "--workers", "--max-connections", "--cpu"], switches: [],
            command: "tandem edge")
        let listenText = args.value("--listen") ?? "127.0.0.1:\(Self.defaultPort)"
        guard let listen = Endpoint(parsing: listenText) else {
            throw CoInferenceError(origin: "tandem edge", message: "--listen '\(listenText)' is not HOST:PORT")
        }
        let files = args.values["--models"] ?? []
        guard !files.isEmpty else {
            throw CoInferenceError(origin: "tandem edge", message: "--models needs a model file")
        }
        let models = try files.flatMap { file in
            guard ZooDeployment.isZooFile(file) else { return [try DeployableModel.load(file)] }
            let members = try ZooDeployment.load(file).models.map(\.model)
            guard !members.isEmpty else {
                throw CoInferenceError(
                    origin: file,
                    message: "no member of the zoo carries weights: export it from a search (`export Z to F.h5`)")
            }
            return members
        }
        var configuration = EdgeServer.Configuration(listen: listen, models: models)
        if let workers = try args.number("--workers", command: "tandem edge") {
            configuration.workers = max(1, Int(workers))
        }
        if let most = try args.number("--max-connections", command: "tandem edge") {
            configuration.maxConnections = max(1, Int(most))
        }
        self.configuration = configuration
        cpu = try Self.cpu(
            args.value("--cpu"), default: CPUAffinity.available() >= 2 ? CPUAffinity.available() - 1 : nil)
    }

    /// The CPU from `--cpu` (a number or `none`), else `fallback`.
    static func cpu(_ text: String?, default fallback: Int?) throws(CoInferenceError) -> Int? {
        guard let text else { return fallback }
        if text == "none" { return nil }
        guard let cpu = Int(text), cpu >= 0 else {
            throw CoInferenceError(origin: "--cpu", message: "'\(text)' is not a CPU number or none")
        }
        return cpu
    }
}
